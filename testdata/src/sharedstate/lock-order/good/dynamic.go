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

// stripes' iteration holds one stripe while a callback passed in locks a
// record and then the record's other stripe: one chain, stripe then entry
// then another stripe, the class nested in itself (modelled on the false
// positive in prometheus' head gc, whose per-series callbacks lock the
// series and then the series' second stripe).
type stripes struct {
	locks [4]stripeMu
	sets  [4]map[int]*record
}

type stripeMu struct{ sync.Mutex }

type record struct {
	mu  sync.Mutex
	ref int
}

func (s *stripes) iter(fn func(i int, e *record)) {
	for i := range s.locks {
		s.locks[i].Lock()
		for _, e := range s.sets[i] {
			fn(i, e)
		}
		s.locks[i].Unlock()
	}
}

func (s *stripes) gc() {
	s.iter(func(i int, e *record) {
		e.mu.Lock()
		defer e.mu.Unlock()
		if j := e.ref % 4; j != i {
			s.locks[j].Lock()
			delete(s.sets[j], e.ref)
			s.locks[j].Unlock()
		}
	})
}
