// Package pending holds a case errorlog/swallowed still gets wrong; the
// tests run it with inverted expectations (ruletest's pending.go): the
// "now" comment is today's false positive, and the test fails once it is
// gone (then the case moves to good/). Nothing in the code says that an invalid ticket
// means "no resumption": the same shape (a decode error returned as nil)
// is a real bug in etcd's wal/version.go, where a sibling branch returns
// the same decode's error.
package pending

import "errors"

type entry struct{ failed bool }

// An invalid session ticket means "no resumption", a full handshake
// instead (crypto/tls): deliberate, but said nowhere. Reported today.
func parseTicket(b []byte) (*entry, error) { return nil, errors.New("bad") }

func resume(ticket []byte) error {
	ss, err := parseTicket(ticket)
	if err != nil {
		return nil // now `the error from pending\.parseTicket \(line 19\) is non-nil here but the function returns a nil error`
	}
	_ = ss
	return nil
}
