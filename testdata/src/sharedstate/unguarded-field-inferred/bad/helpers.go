package bad

import "sync"

// Unguarded accesses in unexported helpers that no exported function or
// goroutine is shown to call without the lock: the majority of locked
// accesses is the only evidence (sharedstate/unguarded-field-inferred).

type rw struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *rw) get(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.items[k]
}

func (r *rw) set(k string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[k] = v
}

// reset replaces the map without the write lock.
func (r *rw) reset() {
	r.items = map[string]int{} // want `r.items is written without holding r.mu`
}

// gate.isBlocked is not a ...Locked helper: its name only ends in
// "locked" in lower case, and nobody calls it with the lock held.
type gate struct {
	mu      sync.Mutex
	blocked bool
}

func (g *gate) block() {
	g.mu.Lock()
	g.blocked = true
	g.mu.Unlock()
}

func (g *gate) unblock() {
	g.mu.Lock()
	g.blocked = false
	g.mu.Unlock()
}

func (g *gate) state() (bool, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.blocked, !g.blocked
}

func (g *gate) isBlocked() bool {
	return g.blocked // want `g.blocked is read without holding g.mu`
}

// peek: a comment that calls the read racy is no reason to stay silent.
func (g *gate) peek() bool {
	// BUG: this read is racy
	return g.blocked // want `g.blocked is read without holding g.mu`
}

// proxy.reload replaces the map without the lock: unlike a setup method,
// it does not create the mutex, so others may hold it.
type proxy struct {
	connMu *sync.Mutex
	conns  map[int]bool
}

func (p *proxy) register(id int) {
	p.connMu.Lock()
	p.conns[id] = true
	p.connMu.Unlock()
}

func (p *proxy) count() int {
	p.connMu.Lock()
	defer p.connMu.Unlock()
	return len(p.conns)
}

func (p *proxy) reload() {
	p.conns = make(map[int]bool) // want `p.conns is written without holding p.connMu`
}
