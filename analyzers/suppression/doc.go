// Package suppression defines an Analyzer that checks reviewlint's own
// suppression directives.
//
// # Analyzer suppression
//
// suppression: reports suppression directives that hide findings without saying why
//
// A //reviewlint:ignore directive names the rule it silences and says why the
// finding does not apply, so that the next reader can judge whether it still
// holds. A directive without a reason is reported, and so is a staticcheck
// //lint:ignore or //lint:file-ignore that names reviewlint's checks without
// one: staticcheck's syntax requires the reason, and such a directive
// suppresses nothing. A //reviewlint:ignore that names no rule, analyzer
// or family of reviewlint's (a typo, a renamed rule) is reported too. With -check-suppressions the CLI also reports
// directives that suppressed nothing.
package suppression
