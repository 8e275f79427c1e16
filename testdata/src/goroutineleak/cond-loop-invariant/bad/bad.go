// Package bad holds Cond.Wait loops whose condition never changes.
package bad

import "sync"

type watcher struct {
	mu      sync.Mutex
	cv      *sync.Cond
	pending bool
}

func newWatcher() *watcher {
	w := &watcher{}
	w.cv = sync.NewCond(&w.mu)
	return w
}

// The loop tests a local set once before it. Modelled on moby/moby#27782
// (a file watcher's Remove waited on its condition variable in a loop over
// a local flag nothing ever cleared, so it blocked forever once entered).
func (w *watcher) remove() {
	w.mu.Lock()
	defer w.mu.Unlock()
	exists := true
	for exists {
		w.cv.Wait() // want `w.cv.Wait is in a loop whose condition .*is computed before the loop and never read again`
	}
}

// A copy of the shared flag, taken before the loop.
func (w *watcher) awaitDone() {
	w.mu.Lock()
	defer w.mu.Unlock()
	pending := w.pending
	for pending {
		w.cv.Wait() // want `w.cv.Wait is in a loop whose condition .*is computed before the loop`
	}
}

// A parameter: the caller's snapshot.
func (w *watcher) awaitFlag(pending bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !pending {
		w.cv.Wait() // want `w.cv.Wait is in a loop whose condition .*is computed before the loop`
	}
}
