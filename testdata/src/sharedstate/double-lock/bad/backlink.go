package bad

import "sync"

// depot holds its read lock while each element's method reads the depot
// back through the element's link to it: modelled on
// cockroachdb/cockroach#3710, where the store held its read lock while
// queueing each replica, and the queue asked r.store for its status,
// which read-locked the store again; a writer queued in between blocked
// that second RLock.
type depot struct {
	mu     sync.RWMutex
	crates map[int]*crate
}

type crate struct {
	depot *depot
	size  int
}

// status read-locks the depot.
func (d *depot) status() int {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return len(d.crates)
}

// weigh reads its depot's status through the link back.
func (c *crate) weigh() int {
	return c.size * c.depot.status()
}

func (d *depot) scan() int {
	d.mu.RLock()
	defer d.mu.RUnlock()
	total := 0
	for _, c := range d.crates {
		total += c.weigh() // want `this calls weigh, which read-locks .*depot.mu, the element's link back to d.mu, while d.mu is already read-locked`
	}
	return total
}

// first write-locks the depot and looks one element up: the link back
// locks the same depot for reading.
func (d *depot) first() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	if c, ok := d.crates[0]; ok {
		return c.weigh() // want `this calls weigh, which read-locks .*depot.mu, the element's link back to d.mu, while d.mu is already locked`
	}
	return 0
}
