// Package suppression defines an Analyzer that checks reviewlint's own
// suppression directives.
//
// # Analyzer suppression
//
// suppression: reports suppression directives that hide findings without saying why
//
// A //reviewlint:ignore directive names the rule it silences and says why the
// finding does not apply, so that the next reader can judge whether it still
// holds. A directive without a reason is reported. With -check-suppressions
// the CLI also reports directives that suppressed nothing.
package suppression
