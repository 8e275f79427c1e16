package bad

import (
	"archive/zip"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"time"
)

// dialLeak: a dialled connection used and dropped.
func dialLeak(addr string) error {
	c, err := net.Dial("tcp", addr) // want `connection c from net\.Dial`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("ping\n"))
	return err
}

// handshakeEarlyReturn: the StatusCode-style early return of ANCHOR-GAPS
// (bodyclose: "closed on the success path but leaked on a StatusCode != 200
// early return") on a raw connection: a bad greeting returns before Close.
func handshakeEarlyReturn(addr string) (string, error) {
	c, err := net.Dial("tcp", addr) // want `connection c from net\.Dial .* returning at line 38`
	if err != nil {
		return "", err
	}
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	if err != nil {
		c.Close()
		return "", err
	}
	if n < 3 || string(buf[:3]) != "220" {
		return "", errors.New("bad greeting") // leaks here
	}
	c.Close()
	return string(buf[:n]), nil
}

// listenLeak: a listener bound and dropped keeps the port.
func listenLeak(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr) // want `listener ln from net\.Listen`
	if err != nil {
		return "", err
	}
	return ln.Addr().String(), nil
}

// tlsReachable: a reachability probe that dials and reports success,
// leaving the connection open.
func tlsReachable(addr string) bool {
	c, err := tls.Dial("tcp", addr, &tls.Config{}) // want `connection c from tls\.Dial`
	if err != nil {
		return false
	}
	_ = c
	return true
}

// dialTimeoutProbe: the same with net.DialTimeout.
func dialTimeoutProbe(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second) // want `connection c from net\.DialTimeout`
	if err != nil {
		return err
	}
	_ = c.LocalAddr()
	return nil
}

// dialContextLeak: (*net.Dialer).DialContext, closed only when the write
// succeeds.
func dialContextLeak(ctx context.Context, d *net.Dialer, addr string) error {
	c, err := d.DialContext(ctx, "tcp", addr) // want `connection c from d\.DialContext .* returning at line 82`
	if err != nil {
		return err
	}
	if _, err := c.Write([]byte("hello")); err != nil {
		return err // leaks here
	}
	return c.Close()
}

// acceptLoopLeak: each accepted connection is answered and dropped; the
// next Accept overwrites it still open.
func acceptLoopLeak(ln net.Listener) error {
	for {
		c, err := ln.Accept() // want `connection c from ln\.Accept .* is not released before the next iteration acquires another; release it inside the loop`
		if err != nil {
			return err
		}
		c.Write([]byte("busy\n"))
	}
}

// acceptLoopReturnLeak: the same loop, where a write error returns with
// the connection open; the return is reported.
func acceptLoopReturnLeak(ln net.Listener) error {
	for {
		c, err := ln.Accept() // want `connection c from ln\.Accept .* returning at line 108`
		if err != nil {
			return err
		}
		if _, err := c.Write([]byte("busy\n")); err != nil {
			return err // leaks here
		}
	}
}

// zipLeak: zip.OpenReader holds the archive file open.
func zipLeak(name string) ([]string, error) {
	r, err := zip.OpenReader(name) // want `zip reader r from zip\.OpenReader`
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
	}
	return names, nil
}

// zipEntryLeak: each entry opened in the loop is read and never closed.
func zipEntryLeak(r *zip.Reader) (int64, error) {
	var total int64
	for _, zf := range r.File {
		rc, err := zf.Open() // want `zip reader rc from zf\.Open`
		if err != nil {
			return 0, err
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			return 0, err
		}
		total += int64(len(b))
	}
	return total, nil
}

// serveOne answers one request on c; it neither closes nor keeps c.
func serveOne(c net.Conn) error {
	buf := make([]byte, 512)
	n, err := c.Read(buf)
	if err != nil {
		return err
	}
	_, err = c.Write(buf[:n])
	return err
}

// acceptHandledNoClose: each connection is served synchronously by a
// helper that borrows it; nobody closes it before the next Accept.
func acceptHandledNoClose(ln net.Listener) {
	for {
		c, err := ln.Accept() // want `connection c from ln\.Accept .* is not released before the next iteration acquires another`
		if err != nil {
			continue
		}
		serveOne(c)
	}
}

// zipEntryCopy: each archive entry is copied out with io.Copy and never
// closed.
func zipEntryCopy(r *zip.Reader, dst io.Writer) error {
	for _, zf := range r.File {
		rc, err := zf.Open() // want `zip reader rc from zf\.Open`
		if err != nil {
			return err
		}
		if _, err := io.Copy(dst, rc); err != nil {
			return err
		}
	}
	return nil
}

// discardedListener: the listener is dropped at the call, in straight-line
// code (noctx's testdata calls net.Listen as a statement): the message says
// it is discarded, not that a loop acquires another.
func discardedListener() {
	net.Listen("tcp", "localhost:0") // want `the listener returned by net\.Listen \(line [0-9]+\) is discarded, so it is never closed; keep it and call its Close`
}

// discardedConn: the same with the connection assigned to the blank
// identifier.
func discardedConn(addr string) error {
	_, err := net.Dial("tcp", addr) // want `the connection returned by net\.Dial \(line [0-9]+\) is discarded`
	return err
}
