package bad

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

// A value receiver locks a copy.
func (c counter) inc() { // want `inc passes lock by value`
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// Ranging by value copies each element's lock.
func total(cs []counter) int {
	n := 0
	for _, c := range cs { // want `range var c copies lock`
		n += c.n
	}
	return n
}

type client struct {
	mu      sync.RWMutex
	headers map[string]string
}

// A clone that keeps the copied lock: if another goroutine held it, the
// copy starts locked.
func (c *client) clone() *client {
	c2 := *c // want `assignment copies lock value`
	c2.headers = nil
	return &c2
}

// The lock is reset only after the copy was used.
func (c *client) cloneLate() *client {
	c2 := *c // want `assignment copies lock value`
	c2.headers = map[string]string{}
	c2.mu = sync.RWMutex{}
	return &c2
}
