package bad

import (
	"bufio"
	"net"
	"time"
)

// A connection accepted in a server loop and handed to a goroutine belongs
// to the goroutine's function: the loop cannot close it. When that
// function closes it on some paths and returns early on another, the
// connection leaks there, one file descriptor per failed client (the shape
// of jsha/listenbuddy#1, whose per-connection handler did not close the
// connections on its error path).

// greetAndEcho closes the connection after answering, and on a read
// error, but not when setting the deadline fails.
func greetAndEcho(c net.Conn) {
	if err := c.SetReadDeadline(time.Now().Add(time.Second)); err != nil {
		return // the connection stays open
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		c.Close()
		return
	}
	c.Write([]byte(line))
	c.Close()
}

// acceptGreet: each connection is served by greetAndEcho.
func acceptGreet(ln net.Listener) error {
	for {
		conn, err := ln.Accept() // want `connection conn from ln\.Accept \(line 34\) is handed to the goroutine running greetAndEcho \(line 38\), which does not close it on every path; close it there with a defer`
		if err != nil {
			return err
		}
		go greetAndEcho(conn)
	}
}

type relay struct{ upstream string }

// forward closes the client connection when the upstream dial fails and
// after copying, but returns with it open when the client is refused.
func (r *relay) forward(client net.Conn, allowed bool) {
	if !allowed {
		return // refused, and left open
	}
	up, err := net.Dial("tcp", r.upstream)
	if err != nil {
		client.Close()
		return
	}
	defer up.Close()
	buf := make([]byte, 512)
	n, _ := client.Read(buf)
	up.Write(buf[:n])
	client.Close()
}

// acceptRelay: a method of the server serves each connection.
func (r *relay) acceptRelay(ln net.Listener, allow func(net.Addr) bool) error {
	for {
		c, err := ln.Accept() // want `connection c from ln\.Accept .* is handed to the goroutine running forward \(line 69\)`
		if err != nil {
			return err
		}
		go r.forward(c, allow(c.RemoteAddr()))
	}
}

// acceptLiteral: the handler is a func literal taking the connection as a
// parameter.
func acceptLiteral(ln net.Listener) error {
	for {
		c, err := ln.Accept() // want `connection c from ln\.Accept .* is handed to the goroutine \(line 81\), which does not close it on every path`
		if err != nil {
			return err
		}
		go func(c net.Conn) {
			if _, err := c.Write([]byte("hello\n")); err != nil {
				return
			}
			c.Close()
		}(c)
	}
}

// acceptCaptured: the handler is a func literal capturing the connection;
// a failed greeting returns with it open.
func acceptCaptured(ln net.Listener) error {
	for {
		conn, err := ln.Accept() // want `connection conn from ln\.Accept .* is handed to the goroutine \(line 98\), which does not close it on every path`
		if err != nil {
			return err
		}
		go func() {
			if _, err := conn.Write([]byte("hello\n")); err != nil {
				return
			}
			conn.Close()
		}()
	}
}
