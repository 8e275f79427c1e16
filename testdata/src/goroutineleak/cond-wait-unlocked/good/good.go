// Package good holds Cond.Wait calls a naive checker of "Wait without
// Lock in the same function" would report.
package good

import "sync"

func runAsync(f func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	return done
}

type notifier struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

func newNotifier() *notifier {
	n := &notifier{}
	n.cond = sync.NewCond(&n.mu)
	return n
}

// The callback takes the lock itself.
func (n *notifier) serve() <-chan struct{} {
	return runAsync(func() {
		n.mu.Lock()
		defer n.mu.Unlock()
		for !n.ready {
			n.cond.Wait()
		}
	})
}

// A helper whose callers hold the lock.
func (n *notifier) waitLocked() {
	for !n.ready {
		n.cond.Wait()
	}
}

func (n *notifier) await() {
	n.mu.Lock()
	n.waitLocked()
	n.mu.Unlock()
}

// Exported: other packages call it, maybe holding the lock.
func (n *notifier) WaitReady() {
	for !n.ready {
		n.cond.Wait()
	}
}

// The lock is taken through the Cond's Locker, an interface call.
func (n *notifier) viaLocker() {
	n.cond.L.Lock()
	for !n.ready {
		n.cond.Wait()
	}
	n.cond.L.Unlock()
}

type custom struct {
	l     sync.Locker
	cond  *sync.Cond
	ready bool
}

// The Cond's Locker is not a mutex the engine follows.
func newCustom(l sync.Locker) *custom {
	c := &custom{l: l}
	c.cond = sync.NewCond(l)
	return c
}

func (c *custom) wait() {
	for !c.ready {
		c.cond.Wait()
	}
}

func (c *custom) run() { go c.wait() }

// The callback goes to a function of another package: who calls it, and
// holding what, is out of sight.
func (n *notifier) once(o *sync.Once) {
	o.Do(func() {
		n.cond.Wait()
	})
}

// A caller that locks on one path only: the Wait may be reached holding it.
func (n *notifier) maybe(lock bool) {
	if lock {
		n.mu.Lock()
		defer n.mu.Unlock()
	}
	n.waitLocked()
}

// runLocked calls f holding the notifier's lock.
func (n *notifier) runLocked(f func()) {
	n.mu.Lock()
	defer n.mu.Unlock()
	f()
}

// The method value is called with the lock held.
func (n *notifier) valueLocked() {
	n.runLocked(n.cond.Wait)
}
