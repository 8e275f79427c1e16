// Package bad retries and then reports a failure without its cause.
package bad

import (
	"errors"
	"fmt"
	"net"
	"time"
)

// The attempts' error lives inside the loop; what is returned once they
// are used up says only that they were (modelled on couchbase/sync_gateway#1498,
// whose RetryLoop returned a custom error at the retry limit instead of
// the last attempt's).
func Dial(addr string) (net.Conn, error) {
	for i := 0; i < 3; i++ {
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errors.New("dial: retries exhausted") // want `the error returned after the retry loop does not carry the last attempt's error from net.Dial \(line 17\)`
}

// The error variable outlives the loop, but the returned error is a new
// one that does not wrap it.
func Fetch(get func() ([]byte, error), attempts int) ([]byte, error) {
	var b []byte
	var err error
	for i := 0; i < attempts; i++ {
		b, err = get()
		if err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("fetch failed after %d attempts", attempts) // want `does not carry the last attempt's error from the call \(line 32\)`
}

// Trying each candidate in turn loses every candidate's reason.
func First(addrs []string) (net.Conn, error) {
	for _, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		return c, nil
	}
	return nil, errors.New("no address reachable") // want `does not carry the last attempt's error from net.Dial`
}

// Each candidate is restored in turn and every failure goes round again;
// once none is left, the error says none worked but not why (modelled on
// hashicorp/raft's RecoverCluster, a corpus finding triaged true: the open
// and restore errors of every snapshot were dropped). The returns after
// it are a later step's failures, with their own cause: not reported.
func Restore(list func() []string, open func(string) (int, error), restore func(int) error, last func() (int, error)) error {
	found := -1
	for _, id := range list() {
		fd, err := open(id)
		if err != nil {
			continue
		}
		if err = restore(fd); err != nil {
			continue
		}
		found = fd
		break
	}
	if found < 0 {
		return errors.New("no snapshot could be restored") // want `does not carry the last attempt's error from the call`
	}
	n, err := last()
	if err != nil {
		return fmt.Errorf("last index: %v", err)
	}
	if n < found {
		return fmt.Errorf("log ends at %d, before the snapshot", n)
	}
	return nil
}

// The loop gives up from inside, on the way from the failure back to the
// next attempt: a count of attempts, or a timer that fires first.
func Connect(dial func() (net.Conn, error), max int) (net.Conn, error) {
	attempts := 0
	for {
		c, err := dial()
		if err == nil {
			return c, nil
		}
		attempts++
		if attempts > max {
			return nil, fmt.Errorf("connect: %d attempts failed", attempts) // want `does not carry the last attempt's error from the call`
		}
	}
}

func Await(ready func() error, timeout <-chan time.Time) error {
	for {
		if err := ready(); err == nil {
			return nil
		}
		select {
		case <-timeout:
			return errors.New("not ready in time") // want `does not carry the last attempt's error from the call`
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// A loop condition of two tests: leaving by either is giving up.
func Push(push func() error, stop *bool) error {
	for i := 0; i < 5 && !*stop; i++ {
		if err := push(); err == nil {
			return nil
		}
	}
	return errors.New("push: gave up") // want `does not carry the last attempt's error from the call`
}

// Attempts per item in an inner loop: the return after the outer loop is
// where every item's attempts gave up, and none of their causes is kept.
func Each(items []string, try func(string) error) error {
	n := 0
	for _, it := range items {
		for i := 0; i < 3; i++ {
			if err := try(it); err == nil {
				n++
				break
			}
		}
	}
	if n == 0 {
		return errors.New("no item") // want `does not carry the last attempt's error from the call`
	}
	return nil
}
