package good

import (
	"crypto/tls"
	"crypto/x509"
	"net"
)

// peerChain: the certificates outlive the connection, which the defer
// closes.
func peerChain(addr string) ([]*x509.Certificate, error) {
	c, err := tls.Dial("tcp", addr, &tls.Config{})
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.ConnectionState().PeerCertificates, nil
}

// session is a connection with its id, returned by value.
type session struct {
	conn net.Conn
	id   int
}

// newSession fills a session and returns it by value.
func newSession(c net.Conn, id int) session {
	var s session
	s.conn = c
	s.id = id
	return s
}

// openSession: the session returned by value carries the connection to
// the caller.
func openSession(addr string) (session, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return session{}, err
	}
	return newSession(c, 1), nil
}
