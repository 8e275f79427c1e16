// Package bad holds critical sections SA2001 reports.
package bad

import "sync"

// counter is state guarded by mu.
type counter struct {
	mu sync.Mutex
	n  int
}

// incr unlocks straight after locking (a forgotten defer) and then writes
// n without the lock.
func (c *counter) incr() {
	c.mu.Lock()
	c.mu.Unlock() // want `empty critical section`
	c.n++
}
