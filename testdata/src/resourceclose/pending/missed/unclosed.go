// Package missed holds positive cases the engine does not report yet. Each
// keeps its want comment and says what the engine does wrong; once fixed, a
// case moves back to its rule's bad/ directory. TestRules runs them with
// inverted expectations (ruletest's pending.go): it fails when a want
// comment starts to match.
package missed

import "crypto/tls"

// tlsConnectionState: a TLS connection dialled for its certificate chain
// and dropped.
//
// Engine: (*tls.Conn).ConnectionState's summary says the receiver escapes:
// connectionStateLocked stores a closure capturing c into state.ekm, and a
// store of a closure carrying the resource into anything but a returned
// allocation is an escape (track.go classify, *ssa.Store). Every use of a
// *tls.Conn that can handshake escapes the same way (handshakeContext
// starts a goroutine capturing c).
func tlsConnectionState(addr string) (int, error) {
	c, err := tls.Dial("tcp", addr, &tls.Config{}) // want `connection c from tls\.Dial`
	if err != nil {
		return 0, err
	}
	return len(c.ConnectionState().PeerCertificates), nil
}
