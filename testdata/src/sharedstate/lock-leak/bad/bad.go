// Package bad holds locks still held on an early return.
package bad

import (
	"errors"
	"sync"
)

var errClosed = errors.New("closed")

type store struct {
	mu     sync.Mutex
	rw     sync.RWMutex
	m      map[string]int
	closed bool
}

// errorReturn: the error branch returns without unlocking.
func (s *store) errorReturn(k string, load func(string) (int, error)) error {
	s.mu.Lock()
	v, err := load(k)
	if err != nil {
		return err // want `s.mu locked at line 20 is still held when the function returns at line 23`
	}
	s.m[k] = v
	s.mu.Unlock()
	return nil
}

// readLockLeak: an RLock not released on the early return.
func (s *store) readLockLeak(k string) (int, bool) {
	s.rw.RLock()
	v, ok := s.m[k]
	if !ok {
		return 0, false // want `s.rw locked at line 32 is still held .* call s.rw.RUnlock\(\)`
	}
	s.rw.RUnlock()
	return v, true
}

// closedCheck: modelled on moby/moby#17176 (devicemapper's
// cleanupDeletedDevices returned early, with nothing to clean, holding
// devices.Lock).
func (s *store) closedCheck() error {
	s.mu.Lock()
	if s.closed {
		return errClosed // want `still held when the function returns`
	}
	s.closed = true
	s.mu.Unlock()
	return nil
}

// loopBreakReturn: modelled on cockroachdb/cockroach#584 (gossip left the
// loop with g.mu held when closed; there a break, here a return).
func (s *store) loopBreakReturn(keys []string) int {
	s.mu.Lock()
	n := 0
	for _, k := range keys {
		if k == "" {
			return -1 // want `still held when the function returns`
		}
		n += s.m[k]
	}
	s.mu.Unlock()
	return n
}

var global sync.Mutex
var counts = map[string]int{}

// globalLeak: a package-level mutex left locked on one path.
func globalLeak(k string) bool {
	global.Lock()
	if counts[k] > 10 {
		return false // want `global locked at line \d+ is still held`
	}
	counts[k]++
	global.Unlock()
	return true
}

// switchReturn: one case of a switch forgets the unlock.
func (s *store) switchReturn(op int) error {
	s.mu.Lock()
	switch op {
	case 0:
		s.m = map[string]int{}
	case 1:
		return errors.New("bad op") // want `still held when the function returns`
	}
	s.mu.Unlock()
	return nil
}

type conn struct {
	mu     sync.Mutex
	closed bool
	buf    []byte
}

// write: modelled on wmnsk/go-m3ua#11 (a handler returned its error early
// with the connection mutex held, deadlocking the next write).
func (c *conn) write(b []byte) (int, error) {
	c.mu.Lock()
	if c.closed {
		return 0, errClosed // want `c.mu locked at line \d+ is still held`
	}
	if len(b) == 0 {
		c.mu.Unlock()
		return 0, nil
	}
	c.buf = append(c.buf, b...)
	c.mu.Unlock()
	return len(b), nil
}

// helperLocked: the lock comes from a helper whose summary says it
// returns holding it, and one path forgets the unlock.
func (c *conn) lockIt() { c.mu.Lock() }

func (c *conn) viaHelper() error {
	c.lockIt()
	if c.closed {
		return errClosed // want `c.mu locked at line \d+ is still held`
	}
	c.mu.Unlock()
	return nil
}

type gossip struct {
	mu     sync.Mutex
	closed bool
	peers  int
}

// bootstrap: modelled on cockroachdb/cockroach#584 (gossip's bootstrap and
// manage loops broke out when closed with g.mu still locked, and the
// function's single return was reached holding it).
func (g *gossip) bootstrap() {
	for {
		g.mu.Lock()
		if g.closed {
			break
		}
		g.peers++
		g.mu.Unlock()
		break
	}
} // want `g.mu locked at line \d+ is still held when the function returns`

// deferCoversAnother: the deferred unlock at entry releases s.mu, not the
// s.rw taken in the middle, which the early return leaves held.
func (s *store) deferCoversAnother(wait func()) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mu.Unlock()
	wait()
	s.mu.Lock()
	s.rw.Lock()
	if s.closed {
		return errClosed // want `s.rw locked at line \d+ is still held`
	}
	s.rw.Unlock()
	return nil
}

// A client whose streams wait, in a loop, until a connection is ready.
type client struct {
	mu     sync.RWMutex
	conns  []int
	closed bool
}

// acquireConn read-locks the client on each attempt and returns the
// closed error still holding the read lock, though every other path of
// the loop releases it: its callers, seeing the error, owe nothing, and
// the client's Close then waits forever for the write lock. A name that
// says "acquire" does not make an error return a handover. Modelled on
// etcd-io/etcd#5509 (clientv3's remote client returned ErrConnClosed
// without the RUnlock).
func (c *client) acquireConn(wait func()) (int, error) {
	for {
		c.mu.RLock()
		if c.closed {
			return 0, errClosed // want `c.mu locked at line \d+ is still held when the function returns at line \d+`
		}
		if len(c.conns) > 0 {
			conn := c.conns[0]
			c.mu.RUnlock()
			return conn, nil
		}
		c.mu.RUnlock()
		wait()
	}
}

// lockstepAdvance is not a lock helper: its first word is "lockstep",
// not "lock" (issue #23: the name convention is read on camel-case words,
// not on a lower-cased prefix), so the success path that forgot the
// Unlock is reported.
func (s *store) lockstepAdvance(k string) bool {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return false
	}
	s.m[k]++
	return true // want `s.mu locked at line \d+ is still held when the function returns at line \d+`
}
