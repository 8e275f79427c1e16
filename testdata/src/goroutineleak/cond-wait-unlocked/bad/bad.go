// Package bad holds Cond.Wait calls reached with no lock held.
package bad

import "sync"

// runAsync runs f in a goroutine and closes the channel it returns when f
// is done.
func runAsync(f func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if f != nil {
			f()
		}
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

// The wait moved into a callback run by another goroutine; the lock stayed
// with the caller. Modelled on kubernetes/kubernetes#11298 (a notifier's
// service loop held its mutex and handed the Cond.Wait to a background
// helper, which waited without it).
func (n *notifier) serve(abort <-chan struct{}) {
	n.mu.Lock()
	defer n.mu.Unlock()
	ch := runAsync(func() {
		n.cond.Wait() // want `n.cond.Wait waits on notifier.cond with no lock held on any path here`
	})
	select {
	case <-abort:
		n.cond.Signal()
	case <-ch:
	}
}

type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

// A goroutine body that waits for the first item with no lock at all.
func (q *queue) first(out chan<- struct{}) {
	q.cond.Wait() // want `q.cond.Wait waits on queue.cond with no lock held on any path here`
	out <- struct{}{}
}

func startQueue() (*queue, <-chan struct{}) {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	out := make(chan struct{}, 1)
	go q.first(out)
	return q, out
}

// The same with the method value handed over: runAsync calls n.cond.Wait
// in its goroutine (GoBench's copy of kubernetes/kubernetes#11298).
func (n *notifier) serveValue(abort <-chan struct{}) {
	n.mu.Lock()
	defer n.mu.Unlock()
	ch := runAsync(n.cond.Wait) // want `n.cond.Wait waits on notifier.cond with no lock held on any path here`
	select {
	case <-abort:
		n.cond.Signal()
	case <-ch:
	}
}
