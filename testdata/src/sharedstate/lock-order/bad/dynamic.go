package bad

import "sync"

// The orders below are taken through dynamic calls: an interface method
// with one implementation in the package, a callback stored in a field,
// a function passed as a parameter.

// sink is implemented by fifo only.
type sink interface {
	push(v int)
}

// fifo locks its own mutex in push, and runs its full callback under it.
type fifo struct {
	mu     sync.Mutex
	items  []int
	onFull func()
}

func (f *fifo) push(v int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append(f.items, v)
}

// drain holds f.mu while the full callback runs: modelled on
// kubernetes/kubernetes#13135, where the watch cache ran its event
// handler under its own lock and the handler took the cacher's lock,
// while the cacher, holding its lock, called into the cache through the
// store interface.
func (f *fifo) drain() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.onFull != nil {
		f.onFull() // want `feeder.mu is acquired here, through the function in field onFull .*, while fifo.mu is held`
	}
	f.items = nil
}

// feeder holds its lock while pushing into the sink.
type feeder struct {
	mu  sync.Mutex
	out sink
	n   int
}

func (p *feeder) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = 0
}

func (p *feeder) emit() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.out.push(p.n) // want `fifo.mu is acquired here, through the interface method push .*, while feeder.mu is held`
}

func newFeeder() *feeder {
	f := &fifo{}
	p := &feeder{out: f}
	f.onFull = p.reset
	return p
}

// workQueue runs a function handed in under its lock: modelled on
// kubernetes/kubernetes#30872, where the informer's queue ran the
// process function under the queue's lock and that function took the
// federated informer's lock, which another path held while asking the
// queue whether it had synced.
type workQueue struct {
	mu    sync.Mutex
	count int
}

func (q *workQueue) each(fn func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	fn() // want `informer.mu is acquired here, through the function passed as fn .*, while workQueue.mu is held`
}

func (q *workQueue) size() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.count
}

type informer struct {
	mu sync.Mutex
	q  *workQueue
	ok bool
}

func (i *informer) mark() {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.ok = true
}

func (i *informer) synced() bool {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.q.size() > 0 // want `workQueue.mu is acquired here while informer.mu is held`
}

func (i *informer) run() {
	i.q.each(func() { i.mark() })
}
