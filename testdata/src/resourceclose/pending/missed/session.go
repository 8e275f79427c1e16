package missed

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
//
// Engine: newSession's summary wraps c into its result (the local struct
// returned by value), but the caller stores the result into the variable
// s (an Alloc, since s.id is read through a FieldAddr), and track.go
// classifyStore counts a store of a derived value into anything but a
// derived base as an escape. The variable's loads are followed
// (addDerived), its FieldAddr loads are not; following both would let the
// store be a borrow.
func sessionIDOnly(addr string) (int, error) {
	c, err := net.Dial("tcp", addr) // want `connection c from net\.Dial`
	if err != nil {
		return 0, err
	}
	s := newSession(c, 7)
	return s.id, nil
}
