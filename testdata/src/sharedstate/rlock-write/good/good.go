// Package good holds read-locked sections that only read, and writes
// made under the write lock.
package good

import (
	"sync"
	"sync/atomic"
)

type cache struct {
	mu    sync.RWMutex
	m     map[string]int
	stats struct {
		mu   sync.Mutex
		hits int
	}
	hits atomic.Int64
	n    int64
}

// readOnly: reads under RLock.
func (c *cache) readOnly(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	return v, ok
}

// upgrade: the write happens after RUnlock, under Lock.
func (c *cache) upgrade(k string) int {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = len(k)
	return len(k)
}

// atomicType: an atomic counter needs no write lock.
func (c *cache) atomicType(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.hits.Add(1)
	return c.m[k]
}

// atomicFunc: the sync/atomic functions need no write lock.
func (c *cache) atomicFunc(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	atomic.AddInt64(&c.n, 1)
	return c.m[k]
}

// otherLock: the stats are guarded by their own mutex, held for writing.
func (c *cache) otherLock(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.stats.mu.Lock()
	c.stats.hits++
	c.stats.mu.Unlock()
	return c.m[k]
}

// localWrite: writes to a local value built from what was read.
func (c *cache) snapshot() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[string]int, len(c.m))
	for k, v := range c.m {
		out[k] = v
	}
	return out
}

type result struct{ n int }

// writeToParam: the written object is not the read-locked one.
func (c *cache) fill(r *result, k string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	r.n = c.m[k]
}

// writeLock: Lock, not RLock.
func (c *cache) put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

// afterRUnlock: the write comes after the read lock is released.
func (c *cache) reset() {
	c.mu.RLock()
	n := len(c.m)
	c.mu.RUnlock()
	if n > 10 {
		c.mu.Lock()
		c.m = map[string]int{}
		c.mu.Unlock()
	}
}

// entryFields: an entry's own mutex guards its fields; the cache's read
// lock only protects the map lookup.
type entry struct {
	mu  sync.Mutex
	val int
}

type index struct {
	mu sync.RWMutex
	m  map[string]*entry
}

func (ix *index) bump(k string) {
	ix.mu.RLock()
	e := ix.m[k]
	ix.mu.RUnlock()
	e.mu.Lock()
	e.val++
	e.mu.Unlock()
}

// entryUnderRLock: writing an entry reached through the map is not a
// write to the index itself.
func (ix *index) touch(k string) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if e, ok := ix.m[k]; ok {
		e.mu.Lock()
		e.val = 0
		e.mu.Unlock()
	}
}

// journal's pending map belongs to its run loop: replay and compact touch
// it with no lock at all, and truncate holds the read lock only to keep
// Close out; the RWMutex is not what guards the map, so its write lock is
// not the remedy (modelled on the false positive in a TSDB agent's
// deleted-series map).
type journal struct {
	mtx     sync.RWMutex
	closed  bool
	pending map[int]int
}

func (j *journal) replay(refs []int) {
	for _, r := range refs {
		j.pending[r] = r
	}
}

func (j *journal) compact(max int) {
	for r := range j.pending {
		if r > max {
			delete(j.pending, r)
		}
	}
}

func (j *journal) truncate(last int) {
	j.mtx.RLock()
	defer j.mtx.RUnlock()
	if j.closed {
		return
	}
	for r := range j.pending {
		if r <= last {
			delete(j.pending, r)
		}
	}
}

func (j *journal) Close() {
	j.mtx.Lock()
	j.closed = true
	j.mtx.Unlock()
}
