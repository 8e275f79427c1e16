package bad

import "sync"

// lessor re-enters itself through a callback it stores: modelled on
// etcd-io/etcd#10492, where the lease renewal ran the checkpointer
// callback while holding the lessor's lock, and the callback the server
// installed called back into the lessor, which took the lock again.
type lessor struct {
	mu     sync.Mutex
	hook   func()
	onDone func()
	n      int
}

// setHook stores the callback under the lock.
func (l *lessor) setHook(h func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hook = h
}

// checkpoint locks l.mu.
func (l *lessor) checkpoint() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
}

// renew runs the stored callback while holding l.mu.
func (l *lessor) renew() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.hook != nil {
		l.hook() // want `calls the function in field hook, which may be .*, which locks l.mu while it is already locked .*; copy the function under the lock and call it after releasing the lock`
	}
}

// finish runs a method value of the same lessor while holding l.mu.
func (l *lessor) finish() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.onDone() // want `calls the function in field onDone, which may be checkpoint, which locks l.mu while it is already locked .*; copy the function under the lock and call it after releasing the lock`
}

// newLessor installs callbacks that call back into the same lessor.
func newLessor() *lessor {
	l := &lessor{}
	l.setHook(func() { l.checkpoint() })
	l.onDone = l.checkpoint
	return l
}

// visitor runs the function it is handed on its argument.
type visitor struct {
	mu sync.Mutex
	n  int
}

func withVisitor(fn func(*visitor), v *visitor) { fn(v) }

func plainVisit(v *visitor) { withVisitor(func(v *visitor) { v.n++ }, v) }

// lockingVisitUnderLock holds v.mu and passes a function that takes it.
func lockingVisitUnderLock(v *visitor) {
	v.mu.Lock()
	withVisitor(func(v *visitor) { // want `calls withVisitor, which locks v.mu while it is already locked`
		v.mu.Lock()
		v.n++
		v.mu.Unlock()
	}, v)
	v.mu.Unlock()
}

func (v *visitor) lockedIncr() {
	v.mu.Lock()
	v.n++
	v.mu.Unlock()
}

// lockedIncrUnderLock holds v.mu and passes a method that takes it.
func lockedIncrUnderLock(v *visitor) {
	v.mu.Lock()
	withVisitor((*visitor).lockedIncr, v) // want `calls withVisitor, which locks v.mu while it is already locked`
	v.mu.Unlock()
}

// visitLocked locks v.mu itself as well as through its callback.
func visitLocked(fn func(*visitor), v *visitor) {
	v.mu.Lock()
	v.n++
	v.mu.Unlock()
	fn(v)
}

// plainVisitLockedUnderLock passes a function that takes no lock, but
// visitLocked takes v.mu on its own.
func plainVisitLockedUnderLock(v *visitor) {
	visitLocked(func(v *visitor) { v.mu.Lock(); v.mu.Unlock() }, v)
	v.mu.Lock()
	visitLocked(func(v *visitor) { v.n++ }, v) // want `calls visitLocked, which locks v.mu while it is already locked`
	v.mu.Unlock()
}

// genericLessor is lessor with a type parameter: the callback stored
// through a genericLessor[int] is the one its generic method calls.
type genericLessor[T any] struct {
	mu   sync.Mutex
	hook func()
	v    T
}

func (l *genericLessor[T]) checkpoint() {
	l.mu.Lock()
	defer l.mu.Unlock()
	var zero T
	l.v = zero
}

func (l *genericLessor[T]) renew() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hook() // want `calls the function in field hook, which may be .*, which locks l.mu while it is already locked`
}

func newGenericLessor() *genericLessor[int] {
	l := &genericLessor[int]{}
	l.hook = func() {
		l.mu.Lock()
		l.v++
		l.mu.Unlock()
	}
	return l
}
