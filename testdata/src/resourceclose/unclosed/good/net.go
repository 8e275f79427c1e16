package good

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"net"
	"os"
)

// dialDeferred: a dialled connection closed with defer.
func dialDeferred(ctx context.Context, d *net.Dialer, addr string) (string, error) {
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	return bufio.NewReader(c).ReadString('\n')
}

// dialReturned: the connection goes to the caller after a handshake; on
// the handshake's failure it is closed.
func dialReturned(addr string) (net.Conn, error) {
	c, err := tls.Dial("tcp", addr, &tls.Config{})
	if err != nil {
		return nil, err
	}
	if err := c.Handshake(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// handle serves one connection and closes it.
func handle(c net.Conn) {
	defer c.Close()
	io.Copy(c, c)
}

// serveGoHandle: each accepted connection is handed to go handle(conn),
// which closes it; the listener is closed with defer.
func serveGoHandle(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

// serveClosure: each accepted connection is handed to a goroutine literal
// that closes it.
func serveClosure(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			defer conn.Close()
			conn.Write([]byte("hello\n"))
		}()
	}
}

// acceptCloseEachIteration: answered and closed before the next Accept.
func acceptCloseEachIteration(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		_, err = c.Write([]byte("busy\n"))
		c.Close()
		if err != nil {
			return err
		}
	}
}

// server owns its listener until Close.
type server struct{ ln net.Listener }

// listenStored: the listener is stored in the receiver.
func (s *server) listenStored(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

// zipDeferred: the archive is closed with defer; its entries are closed
// each iteration.
func zipDeferred(name string) (int64, error) {
	r, err := zip.OpenReader(name)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	var total int64
	for _, zf := range r.File {
		rc, err := zf.Open()
		if err != nil {
			return 0, err
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// connsToChannel: connections go to a worker pool over a channel.
func connsToChannel(ln net.Listener, work chan<- net.Conn) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		work <- c
	}
}

// pipeToCommand: both ends handed on: the read end stored for a child
// process, the write end returned.
func pipeToCommand(attr *os.ProcAttr) (*os.File, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	attr.Files = append(attr.Files, r)
	return w, nil
}

// closedOnCancel: the listener is closed by a goroutine when the context
// ends, which also unblocks Accept.
func closedOnCancel(ctx context.Context, addr string, conns chan<- net.Conn) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		conns <- c
	}
}

// tlsClientReturned: the raw connection is wrapped by tls.Client and the
// wrapper is returned; closing it closes the raw connection.
func tlsClientReturned(addr string, cfg *tls.Config) (*tls.Conn, error) {
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return tls.Client(raw, cfg), nil
}

// tlsWrapperClosed: closing the tls.Conn wrapper closes the raw
// connection under it.
func tlsWrapperClosed(addr string, cfg *tls.Config) error {
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	tc := tls.Client(raw, cfg)
	defer tc.Close()
	_, err = tc.Write([]byte("hello"))
	return err
}

// framedConn wraps a connection; it owns it.
type framedConn struct{ c net.Conn }

// newFramed wraps c.
func newFramed(c net.Conn) *framedConn { return &framedConn{c: c} }

// wrappedByConstructor: the connection goes into a wrapper built by a
// same-package constructor, which is returned.
func wrappedByConstructor(addr string) (*framedConn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return newFramed(c), nil
}
