// Package dep holds methods whose lock contracts travel to other packages
// as facts.
package dep

import "sync"

// Registry is a map guarded by its own mutex.
type Registry struct {
	Mu    sync.Mutex
	items map[string]int
}

// Len locks r.Mu.
func (r *Registry) Len() int {
	r.Mu.Lock()
	defer r.Mu.Unlock()
	return len(r.items)
}

// LenLocked expects r.Mu held.
func (r *Registry) LenLocked() int { return len(r.items) }

// Lock returns holding r.Mu.
func (r *Registry) Lock() { r.Mu.Lock() }

// Unlock releases it.
func (r *Registry) Unlock() { r.Mu.Unlock() }
