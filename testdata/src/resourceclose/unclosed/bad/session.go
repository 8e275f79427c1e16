package bad

import "net"

// session is a connection with its id, returned by value.
type session struct {
	conn net.Conn
	id   int
}

// newSession fills a session and returns it by value: the connection goes
// out inside the result.
func newSession(c net.Conn, id int) session {
	var s session
	s.conn = c
	s.id = id
	return s
}

// sessionIDOnly: the session carrying the connection is read and dropped,
// so the connection is never closed.
func sessionIDOnly(addr string) (int, error) {
	c, err := net.Dial("tcp", addr) // want `connection c from net\.Dial`
	if err != nil {
		return 0, err
	}
	s := newSession(c, 7)
	return s.id, nil
}
