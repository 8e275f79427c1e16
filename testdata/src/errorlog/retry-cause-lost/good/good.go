// Package good retries and keeps the cause.
package good

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"time"
)

// The last attempt's error is kept and wrapped.
func Dial(addr string) (net.Conn, error) {
	var last error
	for i := 0; i < 3; i++ {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn, nil
		}
		last = err
	}
	return nil, fmt.Errorf("dial %s: retries exhausted: %w", addr, last)
}

// The loop's own error variable is returned.
func Fetch(get func() ([]byte, error)) ([]byte, error) {
	var b []byte
	var err error
	for i := 0; i < 3; i++ {
		if b, err = get(); err == nil {
			return b, nil
		}
	}
	return nil, err
}

// Every attempt's error is logged where it happens.
func Ping(ping func() error) error {
	for i := 0; i < 3; i++ {
		err := ping()
		if err == nil {
			return nil
		}
		log.Printf("ping attempt %d: %v", i, err)
	}
	return errors.New("ping: no answer")
}

// The error is classified: a permanent one is returned at once, and what
// the loop gives up on is what it chose to retry.
func Send(send func() error, retryable func(error) bool) error {
	for i := 0; i < 3; i++ {
		err := send()
		if err == nil {
			return nil
		}
		if !retryable(err) {
			return err
		}
	}
	return errors.New("send: still busy")
}

// The loop ends on the context, whose error is returned.
func Wait(ctx context.Context, ready func() error) error {
	for ctx.Err() == nil {
		if err := ready(); err == nil {
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	return ctx.Err()
}

// A failure is not retried: it is returned at once, and the loop walks
// items, not attempts.
func All(items []string, do func(string) error) error {
	for _, it := range items {
		if err := do(it); err != nil {
			return err
		}
	}
	return errors.New("empty")
}

// The loop retries on a result, not on an error: nothing is lost.
func Poll(done func() bool) error {
	for i := 0; i < 3; i++ {
		if done() {
			return nil
		}
	}
	return errors.New("poll: not done")
}

// A sentinel the caller tests with errors.Is is the API's documented
// answer, not a lost cause.
var ErrBusy = errors.New("busy")

func Lock(try func() error) error {
	for i := 0; i < 3; i++ {
		if err := try(); err == nil {
			return nil
		}
	}
	return ErrBusy
}

// The returns after the loop are a later step's: its own error is
// formatted, or the check follows that step's own error test (modelled
// on hashicorp/raft's RecoverCluster, whose later returns a first version
// of the rule reported).
func Replay(try func() error, last func() (int, error), apply func(int) error) error {
	for i := 0; i < 3; i++ {
		if err := try(); err == nil {
			break
		}
	}
	n, err := last()
	if err != nil {
		return fmt.Errorf("last index: %v", err)
	}
	if n == 0 {
		return errors.New("empty log")
	}
	if err := apply(n); err != nil {
		return fmt.Errorf("apply %d: %w", n, err)
	}
	return nil
}

// Validation loops nested in a loop over servers: the tested call's
// success is the invalid case, and the returns are checks of a later
// iteration of the outer loop, not the inner loop giving up (modelled on
// caddy's App.Validate, which a first version of the rule reported).
func Validate(servers map[string][]string, names map[string][]string) error {
	seen := map[string]string{}
	for srv, addrs := range servers {
		for _, a := range addrs {
			if other, ok := seen[a]; ok {
				return fmt.Errorf("server %s: address %s already used by %s", srv, a, other)
			}
			seen[a] = srv
		}
		for _, n := range names[srv] {
			if _, _, err := net.SplitHostPort(n); err == nil {
				return fmt.Errorf("server %s: logger name %s has a port", srv, n)
			}
		}
	}
	return nil
}

// An accept loop skips a connection whose lookup fails; the error
// returned is about what a later iteration accepted, not the lookup
// giving up (modelled on grpc's xDS listenerWrapper.Accept).
func Accept(accept func() (net.Conn, error), lookup func(net.Addr) (string, error)) (net.Conn, string, error) {
	for {
		conn, err := accept()
		if err != nil {
			return nil, "", err
		}
		if _, ok := conn.LocalAddr().(*net.TCPAddr); !ok {
			return nil, "", fmt.Errorf("non-TCP connection from %T", conn.RemoteAddr())
		}
		chain, err := lookup(conn.LocalAddr())
		if err != nil {
			conn.Close()
			continue
		}
		return conn, chain, nil
	}
}

// A loop over alternatives the same input is tried against: every wrong
// key or layout fails by design, and its error says only that it does not
// fit (modelled on hashicorp/memberlist's decryptPayload, minio-go's
// parseTime and nats-server's key recovery, which a first version of the
// rule reported).
func Decrypt(keys [][]byte, msg []byte, open func(key, msg []byte) ([]byte, error)) ([]byte, error) {
	for _, k := range keys {
		if plain, err := open(k, msg); err == nil {
			return plain, nil
		}
	}
	return nil, errors.New("no key could decrypt the message")
}

func ParseTime(s string, layouts ...string) (time.Time, error) {
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q matches none of the layouts %v", s, layouts)
}

// Several steps per alternative: one of them feeds the same bytes to the
// alternative, which makes the loop a search, not a retry.
type deriver struct {
	derive func(ctx []byte) ([]byte, error)
}

func Recover(ds []deriver, context string, seal func([]byte) error) error {
	for _, d := range ds {
		key, err := d.derive([]byte(context))
		if err != nil {
			continue
		}
		if err := seal(key); err != nil {
			continue
		}
		return nil
	}
	return errors.New("unable to recover keys")
}
