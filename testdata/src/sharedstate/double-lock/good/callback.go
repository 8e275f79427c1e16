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

// visitor runs the function it is handed on its argument.
type visitor struct {
	mu sync.Mutex
	n  int
}

func withVisitor(fn func(*visitor), v *visitor) { fn(v) }

// lockingVisit passes a function that takes v.mu: it runs without it.
func lockingVisit(v *visitor) {
	withVisitor(func(v *visitor) {
		v.mu.Lock()
		v.n++
		v.mu.Unlock()
	}, v)
}

// plainVisitUnderLock holds v.mu and passes a function that takes no lock:
// withVisitor takes a lock only through the function it runs, and this
// one takes none (the other call site's does). Seen in gVisor's checklocks
// test suite (closures.go), where reviewlint used to report a self-deadlock.
func plainVisitUnderLock(v *visitor) {
	v.mu.Lock()
	withVisitor(func(v *visitor) { v.n++ }, v)
	v.mu.Unlock()
}

// tally has a mutex of another class than visitor's.
type tally struct {
	mu sync.Mutex
	n  int
}

// countUnderLock holds v.mu and passes a function that takes a tally's
// lock: withVisitor takes v.mu only through the literal lockingVisit
// passes, and this one locks another class of mutex.
func countUnderLock(v *visitor, t *tally) {
	v.mu.Lock()
	withVisitor(func(*visitor) {
		t.mu.Lock()
		t.n++
		t.mu.Unlock()
	}, v)
	v.mu.Unlock()
}

func (v *visitor) incr() { v.n++ }

// incrUnderLock passes a method value that takes no lock.
func incrUnderLock(v *visitor) {
	v.mu.Lock()
	withVisitor((*visitor).incr, v)
	withVisitor(func(w *visitor) { v.incr() }, v)
	v.mu.Unlock()
}
