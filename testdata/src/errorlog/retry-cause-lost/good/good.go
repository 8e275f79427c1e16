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
