package bad

import "sync"

type txnManager struct {
	mu     sync.Mutex
	status int
}

func (t *txnManager) Begin() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.status = 1
}

func (t *txnManager) Status() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.status
}

// Finish holds t.mu while handing a closure to later, which starts it on
// its own goroutine: the closure runs after Finish unlocks.
func (t *txnManager) Finish() {
	t.mu.Lock()
	defer t.mu.Unlock()
	later(func() { t.complete() })
}

// later runs f asynchronously.
func later(f func()) { go f() }

// complete runs from the goroutine later starts, without t.mu.
func (t *txnManager) complete() {
	t.status = 0 // want `t.status is written without holding t.mu`
}
