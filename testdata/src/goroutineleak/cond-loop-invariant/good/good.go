// Package good holds Cond.Wait loops that read the shared state again.
package good

import "sync"

type watcher struct {
	mu      sync.Mutex
	cv      *sync.Cond
	pending bool
	n       int
}

func newWatcher() *watcher {
	w := &watcher{}
	w.cv = sync.NewCond(&w.mu)
	return w
}

// The field is read on every iteration.
func (w *watcher) await() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.pending {
		w.cv.Wait()
	}
}

// The local is refreshed after every wake-up.
func (w *watcher) refreshed() {
	w.mu.Lock()
	defer w.mu.Unlock()
	pending := w.pending
	for pending {
		w.cv.Wait()
		pending = w.pending
	}
}

// The loop can also leave on a test inside it.
func (w *watcher) breaks(limit int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	wait := true
	for wait {
		w.cv.Wait()
		if w.n >= limit {
			break
		}
	}
}

// A return inside the loop.
func (w *watcher) returns() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		w.cv.Wait()
		if !w.pending {
			return
		}
	}
}

// A worker that waits for every signal, forever on purpose: no way out at
// all is not a condition that never changes.
func (w *watcher) worker() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		w.cv.Wait()
		w.n++
	}
}

// A condition that calls a function each time.
func (w *watcher) viaFunc(done func() bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for !done() {
		w.cv.Wait()
	}
}
