package bad

import "net"

// A UDP connection (Close promoted from its embedded conn) left open when
// the write fails.
func udpSend(dst *net.UDPAddr, msg []byte) error {
	c, err := net.DialUDP("udp", nil, dst) // want `connection c from net.DialUDP \(line 8\) is not closed on the path returning at line 13`
	if err != nil {
		return err
	}
	if _, err := c.Write(msg); err != nil {
		return err
	}
	return c.Close()
}
