package bad

import "crypto/tls"

// tlsConnectionState: a TLS connection dialled for its certificate chain
// and dropped.
func tlsConnectionState(addr string) (int, error) {
	c, err := tls.Dial("tcp", addr, &tls.Config{}) // want `connection c from tls\.Dial`
	if err != nil {
		return 0, err
	}
	return len(c.ConnectionState().PeerCertificates), nil
}
