package good

import (
	"io"
	"sync"
)

// sink has two implementations in the package: which one a call runs is
// not known, so no order is taken through it.
type sink interface {
	push(v int)
}

type fifo struct {
	mu     sync.Mutex
	items  []int
	onFull func()
	later  func()
}

func (f *fifo) push(v int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, v)
}

// discard is sink's second implementation.
type discard struct{}

func (discard) push(int) {}

// drain copies the callback under its lock and runs it after releasing
// the lock: no order between fifo.mu and what the callback takes.
func (f *fifo) drain() {
	f.mu.Lock()
	cb := f.onFull
	f.items = nil
	f.mu.Unlock()
	if cb != nil {
		cb()
	}
}

// notify runs the callback in its own goroutine, which takes its locks
// after this one has released fifo.mu.
func (f *fifo) notify() {
	f.mu.Lock()
	defer f.mu.Unlock()
	go f.later()
}

// Write makes fifo an io.Writer: a call through io.Writer may run any
// writer in the program, so it is not resolved to this one.
func (f *fifo) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, len(p))
	return len(p), nil
}

type feeder struct {
	mu  sync.Mutex
	out sink
	w   io.Writer
	n   int
}

func (p *feeder) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = 0
}

// emit pushes into a sink that may be either implementation.
func (p *feeder) emit() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.out.push(p.n)
}

// log writes under p.mu to whatever writer it was given.
func (p *feeder) log() {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, _ = p.w.Write(nil)
}

func newFeeder() *feeder {
	f := &fifo{}
	p := &feeder{out: f, w: f}
	f.onFull = p.reset
	f.later = p.reset
	return p
}
