package good

import (
	"log"
	"net"
	"sync"
)

// Hard negatives for connections handed to a goroutine: the goroutine's
// function closes the connection on every path, or hands it on where it
// does not, or never closes it at all (then who owns it is not clear from
// the code, and the engine stays silent).

// closesEverywhere closes the connection on both of its paths.
func closesEverywhere(c net.Conn) {
	if _, err := c.Write([]byte("hi\n")); err != nil {
		c.Close()
		return
	}
	c.Close()
}

// fatalOnError closes the connection, or ends the process.
func fatalOnError(c net.Conn) {
	if _, err := c.Write([]byte("hi\n")); err != nil {
		log.Fatalf("write: %v", err)
	}
	c.Close()
}

type connRegistry struct {
	mu    sync.Mutex
	conns map[net.Conn]bool
}

// keepOrClose closes refused connections and registers the others, which
// the connRegistry closes later.
func (r *connRegistry) keepOrClose(c net.Conn, ok bool) {
	if !ok {
		c.Close()
		return
	}
	r.mu.Lock()
	r.conns[c] = true
	r.mu.Unlock()
}

// onlyWrites never closes the connection; its owner is elsewhere.
func onlyWrites(c net.Conn) { c.Write([]byte("hi\n")) }

// acceptHandOffs: every goroutine's function either closes the connection
// on every path, or keeps it on the path it does not close it.
func acceptHandOffs(ln net.Listener, r *connRegistry, ok func() bool) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		switch {
		case ok():
			go closesEverywhere(c)
		case ok():
			go fatalOnError(c)
		case ok():
			go r.keepOrClose(c, ok())
		default:
			go onlyWrites(c)
		}
	}
}

// acceptDeferClose: a literal that defers the close, however it returns.
func acceptDeferClose(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go func(c net.Conn) {
			defer c.Close()
			if _, err := c.Write([]byte("hello\n")); err != nil {
				return
			}
			c.Write([]byte("bye\n"))
		}(c)
	}
}

// acceptCapturedHandOn: a literal capturing the connection closes it when
// the greeting fails and hands it to the workers otherwise.
func acceptCapturedHandOn(ln net.Listener, work chan<- net.Conn) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			if _, err := conn.Write([]byte("hello\n")); err != nil {
				conn.Close()
				return
			}
			work <- conn
		}()
	}
}
