package good

import "sync"

// hookTable stores callbacks; none of them re-enters the lock on the
// hookTable that runs it.
type hookTable struct {
	mu    sync.Mutex
	hook  func()
	later func()
	try   func()
	n     int
}

// setHook stores the callback under the lock.
func (r *hookTable) setHook(h func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hook = h
}

// bump locks r.mu.
func (r *hookTable) bump() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
}

// tryBump only tries the lock: it never waits for itself.
func (r *hookTable) tryBump() {
	if r.mu.TryLock() {
		r.n++
		r.mu.Unlock()
	}
}

// fire runs the hook while holding r.mu; the only hook installed (in
// wire) locks another table, so nothing here waits for itself.
func (r *hookTable) fire() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.hook != nil {
		r.hook()
	}
}

// fireUnlocked copies the callback under the lock and runs it after
// releasing it: re-entering is fine.
func (r *hookTable) fireUnlocked() {
	r.mu.Lock()
	h := r.later
	r.mu.Unlock()
	h()
}

// fireAsync runs the callback in its own goroutine, which waits for the
// lock until this one releases it.
func (r *hookTable) fireAsync() {
	r.mu.Lock()
	defer r.mu.Unlock()
	go r.later()
}

// fireTry runs a callback that only tries the lock.
func (r *hookTable) fireTry() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.try()
}

// wire installs the callbacks: the hook of a bumps b, a different
// registry of the same type.
func wire(a, b *hookTable) {
	a.setHook(func() { b.bump() })
	a.later = a.bump
	a.try = a.tryBump
}
