// Package use calls dep's methods while holding dep's lock.
package use

import "sharedstate/facts/dep"

// deadlocks: Len locks the mutex the caller holds, known from dep's facts.
func deadlocks(r *dep.Registry) int {
	r.Mu.Lock()
	defer r.Mu.Unlock()
	return r.Len() // want `calls Len, which locks r.Mu while it is already locked`
}

// fine: the Locked variant does not lock.
func fine(r *dep.Registry) int {
	r.Mu.Lock()
	defer r.Mu.Unlock()
	return r.LenLocked()
}

// viaWrappers: Lock/Unlock wrappers from another package, then a call
// that locks again.
func viaWrappers(r *dep.Registry) int {
	r.Lock()
	n := r.Len() // want `calls Len, which locks r.Mu while it is already locked`
	r.Unlock()
	return n
}

// released: the lock is released through the wrapper before Len.
func released(r *dep.Registry) int {
	r.Lock()
	r.Unlock()
	return r.Len()
}
