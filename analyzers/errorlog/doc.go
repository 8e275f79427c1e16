// Package errorlog defines an Analyzer that reports errors that are dropped, swallowed, or logged without the error.
//
// # Analyzer errorlog
//
// errorlog: reports errors that are dropped, swallowed, or logged without the error
//
// Each error is followed on SSA from the call that produces it into the
// branch where it is known to be non-nil. There it is handled when it is
// returned (possibly wrapped), logged with the value, stored, sent, passed
// to a handler, or deliberately compared (errors.Is). The rules report a
// nil error returned from that branch, or a continue or break in it that
// drops the error from a loop the function leaves with a nil error
// (swallowed), a log line in it that lacks the error (unlogged), an error
// both logged and returned (log-and-return), fmt.Errorf flattening an
// error with %v (wrap-verb), library code ending the program
// (fatal-in-library), dropped errors that lose written data (discarded),
// errors that die with a goroutine (goroutine-dropped), bufio.Scanner
// loops whose read error is never asked for (scan-err-unchecked), errors
// assigned to a variable that nothing reads before it is reassigned
// (overwritten), parses of outside input whose error is assigned to _
// (parse-unchecked), structured log calls whose key/value list is
// misaligned (log-kv-odd), retry loops that give up with a new error and
// drop the last attempt's cause (retry-cause-lost), and zerolog events
// that are never sent (log-not-sent, followed by the lifetime engine). Which functions log
// their error parameter, or forward a message or a key/value list to a
// logger, is summarised as facts, so a project's own logging helpers
// count in every package.
//
// Logging functions the analysis cannot see into (an interface's method, a
// generated client) can be named in .reviewlint.yml; a method is written
// (*pkg/path.Type).Method, (pkg/path.Type).Method or pkg/path.Type.Method,
// all one name, as in resourceclose's kinds:
//
//	settings:
//	  errorlog:
//	    log-functions:
//	      - example.com/m/notify.Alert
//	      - (*example.com/m/notify.Pager).Page
package errorlog
