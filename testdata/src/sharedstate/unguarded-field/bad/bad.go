// Package bad holds fields touched without the lock their other accesses
// hold.
package bad

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) Add(d int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += d
}

// Value reads without the lock the writes hold.
func (c *counter) Value() int {
	return c.n // want `c.n is read without holding c.mu, but 4 of its 5 accesses hold it, e.g. line 14 in Inc`
}

type cluster struct {
	mu      sync.Mutex
	members map[string]string
	store   *string
}

func (c *cluster) Add(id, addr string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.members[id] = addr
}

func (c *cluster) Member(id string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.members[id]
}

func (c *cluster) Remove(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.members, id)
}

// Count: modelled on kubernetes/kubernetes#90540 (pm.plugins was read
// without pm.mutex in one place while every other access held it).
func (c *cluster) Count() int {
	return len(c.members) // want `c.members is read without holding c.mu`
}

func (c *cluster) Store() *string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.store
}

func (c *cluster) Recover(s *string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store = s
}

// SetStore: modelled on etcd-io/etcd#11825 (RaftCluster's v2store was
// written without c.Lock in SetStore while 14 other places held it).
func (c *cluster) SetStore(s *string) {
	c.store = s // want `c.store is written without holding c.mu`
}

type annotated struct {
	mu sync.Mutex
	// +checklocks:mu
	state int
}

func (a *annotated) set(v int) {
	a.mu.Lock()
	a.state = v
	a.mu.Unlock()
}

// get ignores the +checklocks annotation.
func (a *annotated) get() int {
	return a.state // want `a.state is read without holding a.mu, but its declaration says mu guards it`
}

type commented struct {
	mu    sync.RWMutex // guards ready and peers
	ready bool
	peers []string
}

func (c *commented) markReady() {
	c.mu.Lock()
	c.ready = true
	c.mu.Unlock()
}

// isReady ignores the "guards" comment on mu.
func (c *commented) isReady() bool {
	return c.ready // want `c.ready is read without holding c.mu, but its declaration says mu guards it`
}

// hits.Add is the only writer, but callers run it on many goroutines: the
// read after Unlock races with another call's locked write.
type hits struct {
	mu sync.Mutex
	n  int
}

func (h *hits) Add() bool {
	h.mu.Lock()
	h.n++
	h.mu.Unlock()
	return h.n > 10 // want `h.n is read without holding h.mu`
}

func (h *hits) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n
}
