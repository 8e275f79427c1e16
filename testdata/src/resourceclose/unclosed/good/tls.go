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

var kept []net.Conn

// keepConn keeps the connection for later.
func keepConn(c net.Conn) { kept = append(kept, c) }

// sessionKept: the session is held in a variable and its connection is
// handed to keepConn, which keeps it.
func sessionKept(addr string) (int, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	s := newSession(c, 2)
	keepConn(s.conn)
	return s.id, nil
}

// sessionClosed: the session in a variable, its connection closed by
// defer.
func sessionClosed(addr string) (int, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	s := newSession(c, 3)
	defer s.conn.Close()
	return s.id, nil
}

// sessionReturned: the variable goes back to the caller.
func sessionReturned(addr string) (session, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return session{}, err
	}
	s := newSession(c, 4)
	s.id++
	return s, nil
}
