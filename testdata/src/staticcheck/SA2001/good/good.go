// Package good holds critical sections SA2001 must not report.
package good

import "sync"

// counter is state guarded by mu.
type counter struct {
	mu sync.Mutex
	n  int
}

// incr holds the lock for the write.
func (c *counter) incr() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// incrExplicit unlocks explicitly after the write; the section is not empty.
func (c *counter) incrExplicit() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}
