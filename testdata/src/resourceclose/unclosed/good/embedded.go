package good

import (
	"net"
	"time"
)

// *net.UDPConn's Close is promoted from the conn it embeds: closing it is
// closing the connection (a false positive on net/addrselect.go).
func udpProbe(dst *net.UDPAddr) error {
	c, err := net.DialUDP("udp", nil, dst)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("ping"))
	return err
}

// Closed on the success branch only, which is the only branch that owes.
func sourceAddrs(dsts []*net.UDPAddr) []net.Addr {
	var out []net.Addr
	for _, dst := range dsts {
		c, err := net.DialUDP("udp", nil, dst)
		if err == nil {
			if a, ok := c.LocalAddr().(*net.UDPAddr); ok {
				out = append(out, a)
			}
			c.Close()
		}
	}
	return out
}

// A TCP connection closed through its promoted Close too.
func tcpProbe(addr *net.TCPAddr) error {
	c, err := net.DialTCP("tcp", nil, addr)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.SetKeepAlive(true)
}

// A wrapper type that embeds the connection interface.
type timedConn struct {
	net.Conn
	timeout time.Duration
}

func dialTimed(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	tc := &timedConn{Conn: c, timeout: time.Second}
	defer tc.Close()
	_, err = tc.Write([]byte("x"))
	return err
}
