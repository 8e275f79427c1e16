// Package httpbody defines an Analyzer that reports HTTP response bodies not
// closed, statuses unchecked, clients without timeouts and unbounded reads.
//
// # Analyzer httpbody
//
// httpbody: reports unclosed response bodies, unchecked statuses, missing timeouts and unbounded reads
//
// Response bodies must be closed on every path (ownership moves like in
// resourceclose), the status must be checked before the body is decoded,
// clients need timeouts or contexts, and request bodies need a bound.
package httpbody
