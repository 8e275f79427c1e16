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
