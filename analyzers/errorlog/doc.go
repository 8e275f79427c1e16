// Package errorlog defines an Analyzer that reports errors that are dropped, swallowed, or logged without the error.
//
// # Analyzer errorlog
//
// errorlog: reports errors that are dropped, swallowed, or logged without the error
//
// Each error value is followed from the call that produces it to its uses.
// An error is handled when it is returned (possibly wrapped), logged with the
// value, stored, sent, passed to a handler, or deliberately compared and
// dropped.
package errorlog
