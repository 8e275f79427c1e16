// Package bad holds writes made under a read lock only.
package bad

import "sync"

type cache struct {
	mu    sync.RWMutex
	m     map[string]int
	hits  int
	last  string
	order []string
}

// fillOnMiss: the cache is filled under RLock; modelled on
// influxdata/influxdb#19420 (LogFile.Writes held the read lock while
// createMeasurementIfNotExists wrote the shared measurement map).
func (c *cache) fillOnMiss(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	if !ok {
		v = len(k)
		c.m[k] = v // want `c.m is written while only the read lock c.mu.RLock \(line 18\) is held`
	}
	return v
}

// get: a hit counter bumped under the read lock; modelled on
// cosmos/iavl#448 (VersionExists wrote to the tree under RLock and hit
// concurrent map read and write panics).
func (c *cache) get(k string) int {
	c.mu.RLock()
	c.hits++ // want `c.hits is written while only the read lock`
	v := c.m[k]
	c.mu.RUnlock()
	return v
}

// remember: a plain field store under RLock.
func (c *cache) remember(k string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if _, ok := c.m[k]; ok {
		c.last = k // want `c.last is written while only the read lock`
	}
}

// evict: delete under the read lock.
func (c *cache) evict(k string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	delete(c.m, k) // want `c.m is written while only the read lock`
}

// reorder: a slice element written under the read lock.
func (c *cache) reorder(i int, k string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.order[i] = k // want `c.order is written while only the read lock`
}

type peers struct {
	sync.RWMutex
	byID map[int]string
}

// touch: an embedded RWMutex read-locked, then a map write; modelled on
// Comcast/traffic_control#1868 (concurrent map writes fixed by changing
// RLock to Lock).
func (p *peers) touch(id int, addr string) {
	p.RLock()
	defer p.RUnlock()
	if _, ok := p.byID[id]; !ok {
		p.byID[id] = addr // want `p.byID is written while only the read lock p.RWMutex.RLock`
	}
}

// tree counts entries under the read lock in insert, while its recursive
// pruning runs under the write lock: the recursion keeps its caller's
// lock, so the counter is guarded by tr.mu and insert's write races with
// other inserts (modelled on a radix tree's Insert under RLock).
type tree struct {
	mu   sync.RWMutex
	size int
	kids map[string]*tree
}

func (tr *tree) insert(k string) {
	tr.mu.RLock()
	if _, ok := tr.kids[k]; !ok {
		tr.size++ // want `tr.size is written while only the read lock`
	}
	tr.mu.RUnlock()
}

func (tr *tree) Prune(depth int) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.prune(depth)
}

func (tr *tree) prune(depth int) {
	if depth == 0 {
		tr.size = 0
		return
	}
	tr.prune(depth - 1)
}
