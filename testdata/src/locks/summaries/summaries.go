// Package summaries checks the Summary facts the lock engine exports:
// what each function does to the locks its caller can name.
package summaries

import (
	"os"
	"sync"
)

type T struct {
	mu sync.Mutex
	rw sync.RWMutex
	n  int
}

// Inc takes and releases t.mu: calling it with t.mu held deadlocks.
func (t *T) Inc() { // want Inc:`locks\[p0.mu\(W\)\]`
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n++
}

// Get read-locks.
func (t *T) Get() int { // want Get:`locks\[p0.rw\(R\)\]`
	t.rw.RLock()
	defer t.rw.RUnlock()
	return t.n
}

// lock returns holding t.mu on every path.
func (t *T) lock() { // want lock:`acquires\[p0.mu\(W\)\] locks\[p0.mu\(W\)\]`
	t.mu.Lock()
}

// unlockAndCount is entered with t.mu held and releases it.
func (t *T) unlockAndCount() int { // want unlockAndCount:`releases\[p0.mu\(W\)\]`
	n := t.n
	t.mu.Unlock()
	return n
}

// tryGet acquires only when the key is there: a conditional acquire.
func (t *T) tryGet(ok bool) bool { // want tryGet:`locks\[p0.mu\(W\)\] mayhold\[p0.mu\(W\)\]`
	t.mu.Lock()
	if !ok {
		t.mu.Unlock()
		return false
	}
	return true
}

// viaHelper locks through lock(): the summary composes.
func (t *T) viaHelper() { // want viaHelper:`locks\[p0.mu\(W\)\]`
	t.lock()
	t.n++
	t.mu.Unlock()
}

// lockParam locks the mutex it is given.
func lockParam(mu *sync.Mutex) { // want lockParam:`locks\[p0\(W\)\]`
	mu.Lock()
	mu.Unlock()
}

var global sync.Mutex

// withGlobal locks a package-level mutex.
func withGlobal() { // want withGlobal:`locks\[locks/summaries.global\(W\)\]`
	global.Lock()
	defer global.Unlock()
}

// die never returns.
func die() { // want die:"noreturn"
	os.Exit(1)
}

// waitLike drops and retakes its caller's lock (sync.Cond.Wait's shape):
// the retaking is not an acquisition that deadlocks on the caller's own
// hold, but a retake: the call waits for the lock while the caller holds
// its other locks.
func (t *T) waitLike(ch chan struct{}) { // want waitLike:`retakes\[p0.mu\(W\)\]`
	t.mu.Unlock()
	<-ch
	t.mu.Lock()
}

// viaWaitLike retakes its caller's lock through a callee.
func (t *T) viaWaitLike(ch chan struct{}) { // want viaWaitLike:`retakes\[p0.mu\(W\)\]`
	t.waitLike(ch)
}

// ownRetake locks the lock itself around the call: its caller holds
// nothing the callee retakes.
func (t *T) ownRetake(ch chan struct{}) { // want ownRetake:`locks\[p0.mu\(W\)\]`
	t.mu.Lock()
	defer t.mu.Unlock()
	t.waitLike(ch)
}

// tryOnly never blocks.
func (t *T) tryOnly() bool {
	if t.mu.TryLock() {
		t.mu.Unlock()
		return true
	}
	return false
}

// handOff locks and hands the lock to a goroutine that releases it.
func (t *T) handOff() chan struct{} { // want handOff:`locks\[p0.mu\(W\)\]`
	done := make(chan struct{})
	t.mu.Lock()
	go func() {
		t.n++
		t.mu.Unlock()
		close(done)
	}()
	return done
}
