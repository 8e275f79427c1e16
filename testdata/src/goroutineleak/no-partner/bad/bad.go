// Package bad holds channel operations that nothing in the package can
// ever complete.
package bad

import "sync"

type watcher struct {
	stop    chan struct{}
	results chan int
}

func newWatcher() *watcher {
	w := &watcher{stop: make(chan struct{}), results: make(chan int)}
	go w.run()
	return w
}

// A stop channel nobody closes: the goroutine waits forever.
func (w *watcher) run() {
	<-w.stop // want `goroutine receives from watcher.stop, but nothing in the package sends on it or closes it`
}

// A result channel that a refactoring stopped reading; only Close is left
// of its consumer side. Modelled on kubernetes/kubernetes#1321 (the mux
// sent to a watcher's result channel that nobody read any more; closing it
// does not unblock a send).
func (w *watcher) publish(v int) {
	w.results <- v // want `goroutine sends on watcher.results, but nothing in the package receives from it`
}

func (w *watcher) close() { close(w.results) }

type buffer struct{ c chan bool }

func (b *buffer) get() <-chan bool { return b.c }

type reader struct{ buf *buffer }

func newReader() *reader { return &reader{buf: &buffer{c: make(chan bool)}} }

// A read that waits on a channel returned by an accessor that nothing ever
// feeds. Modelled on grpc/grpc-go#1275 (a stream reader blocked on its
// receive buffer after the stream was closed).
func (r *reader) read() {
	select {
	case <-r.buf.get(): // want `goroutine receives from buffer.c, but nothing in the package sends on it or closes it`
	}
}

var ready = make(chan struct{})

// A package-level channel that nothing signals.
func waitReady() {
	<-ready // want `goroutine receives from ready, but nothing`
}

type plugin struct {
	activated *sync.Cond
	err       error
	ready     bool
}

func newPlugin() *plugin { return &plugin{activated: sync.NewCond(&sync.Mutex{})} }

// A condition variable nothing ever signals: a waiter is stuck for good.
// Modelled on moby/moby#30408 (waitActive waited on activateWait, which the
// failing activation path never broadcast).
func (p *plugin) waitActive() error {
	p.activated.L.Lock()
	defer p.activated.L.Unlock()
	for !p.ready {
		p.activated.Wait() // want `goroutine waits on plugin.activated, but nothing in the package calls its Signal or Broadcast`
	}
	return p.err
}

// Stopper hands its quiesce channel out receive-only: code in other
// packages can wait on it but can never send on it or close it.
type Stopper struct{ quiesce chan struct{} }

// NewStopper makes the channel; nothing in the package ever closes it.
func NewStopper() *Stopper { return &Stopper{quiesce: make(chan struct{})} }

// ShouldQuiesce guards a nil stopper, as such getters often do.
func (s *Stopper) ShouldQuiesce() <-chan struct{} {
	if s == nil {
		return nil
	}
	return s.quiesce
}

type queue struct{ stopper *Stopper }

// A worker waits for a quiesce signal that no code can ever give: the only
// way out of the package is receive-only. Modelled on
// cockroachdb/cockroach#25456 (a queue's process blocked on
// ShouldQuiesce of a stopper that was never stopped).
func (q *queue) process() {
	<-q.stopper.ShouldQuiesce() // want `goroutine receives from Stopper.quiesce, but nothing in the package sends on it or closes it`
}

// cacheWatcher's result channel is made with a size its caller picks.
type cacheWatcher struct {
	input  chan int
	result chan int
}

func newCacheWatcher(size int, initial []int) *cacheWatcher {
	w := &cacheWatcher{input: make(chan int, size), result: make(chan int, size)}
	go w.process(initial)
	return w
}

// The result channel's reader was lost: every send fills the buffer and,
// with a size of 0 or more events than it holds, blocks for good.
// Modelled on kubernetes/kubernetes#38669 (a cache watcher replayed its
// initial events into a result channel nobody drained, built with a size
// of 0 by its caller).
func (w *cacheWatcher) process(initial []int) {
	defer close(w.result)
	for _, ev := range initial {
		w.emit(ev)
	}
	for range w.input {
	}
}

func (w *cacheWatcher) emit(ev int) {
	w.result <- ev // want `goroutine sends on cacheWatcher.result, but nothing in the package receives from it, and its buffer is sized by a variable`
}

func (w *cacheWatcher) stop() { close(w.input) }

// rowChannel's buffer is set by an init method.
type rowChannel struct{ data chan struct{} }

func (rc *rowChannel) init(size int) { rc.data = make(chan struct{}, size) }

// Push is the only use of the channel: the buffer fills and the next push
// blocks. Modelled on cockroachdb/cockroach#35931 (cancelling a flow pushed
// to every pending inbound stream, one of them already full and unread).
func (rc *rowChannel) Push() {
	rc.data <- struct{}{} // want `goroutine sends on rowChannel.data, but nothing in the package receives from it, and its buffer is sized by a variable`
}
