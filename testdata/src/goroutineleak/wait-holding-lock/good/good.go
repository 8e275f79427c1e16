// Package good holds blocking operations under a lock that no partner
// needs, or that cannot block for long.
package good

import (
	"context"
	"sync"
)

type queue struct {
	mu    sync.Mutex
	items []int
	out   chan int
	buf   chan int
	seen  int
}

func newQueue() *queue {
	return &queue{out: make(chan int), buf: make(chan int, 16)}
}

// The receiver never takes mu: the send under the lock waits for it, but
// it can always come.
func (q *queue) push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.out <- v
}

func (q *queue) consume() {
	for v := range q.out {
		_ = v
	}
}

// The lock is released before the send.
func (q *queue) pushUnlocked(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.buf <- v
}

// A buffered channel: the send under the lock does not wait for the
// receiver (which takes mu) unless the buffer is full, which the analysis
// cannot tell.
func (q *queue) pushBuffered(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.buf <- v
}

func (q *queue) drain() {
	for v := range q.buf {
		q.mu.Lock()
		q.seen += v
		q.mu.Unlock()
	}
}

// A select that can give up: the sender is never stuck holding the lock.
func (q *queue) offer(ctx context.Context, v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	select {
	case q.out <- v:
	case <-ctx.Done():
	}
}

type once struct {
	mu     sync.Mutex
	result chan int
	value  int
}

func newOnce() *once { return &once{result: make(chan int)} }

// A one-shot receiver that takes the lock only after it has received: the
// sender is released first, then unlocks.
func (o *once) deliver(v int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.result <- v
}

func (o *once) await() {
	v := <-o.result
	o.mu.Lock()
	o.value = v
	o.mu.Unlock()
}

type cache struct {
	mu      sync.RWMutex
	entries map[string]int
	updates chan string
}

func newCache() *cache { return &cache{updates: make(chan string)} }

// Both sides only read-lock the RWMutex: read locks do not exclude each
// other.
func (c *cache) announce(k string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.updates <- k
}

func (c *cache) watch() {
	for k := range c.updates {
		c.mu.RLock()
		_ = c.entries[k]
		c.mu.RUnlock()
	}
}

// Exported is a channel other packages can receive from: its partners are
// out of sight.
type Exported struct {
	mu sync.Mutex
	C  chan int
	n  int
}

func NewExported() *Exported { return &Exported{C: make(chan int)} }

func (e *Exported) Publish(v int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.C <- v
}

func (e *Exported) count() {
	for range e.C {
		e.mu.Lock()
		e.n++
		e.mu.Unlock()
	}
}

type twoLocks struct {
	a, b  sync.Mutex
	ch    chan int
	total int
}

func newTwoLocks() *twoLocks { return &twoLocks{ch: make(chan int)} }

// The receiver takes another lock than the one the sender holds.
func (t *twoLocks) send(v int) {
	t.a.Lock()
	defer t.a.Unlock()
	t.ch <- v
}

func (t *twoLocks) recv() {
	for v := range t.ch {
		t.b.Lock()
		t.total += v
		t.b.Unlock()
	}
}

type group struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	errs []error
}

// Workers collect their results under mu, but the waiter unlocks before
// waiting.
func (g *group) run(fs []func() error) {
	for _, f := range fs {
		g.wg.Add(1)
		go func() {
			defer g.wg.Done()
			if err := f(); err != nil {
				g.mu.Lock()
				g.errs = append(g.errs, err)
				g.mu.Unlock()
			}
		}()
	}
	g.mu.Lock()
	n := len(g.errs)
	g.mu.Unlock()
	_ = n
	g.wg.Wait()
}

type signal struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

func newSignal() *signal {
	s := &signal{}
	s.cond = sync.NewCond(&s.mu)
	return s
}

// Cond.Wait releases its own lock while it waits, so a signaller taking
// that lock is the standard use, not a deadlock.
func (s *signal) wait() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for !s.ready {
		s.cond.Wait()
	}
}

func (s *signal) set() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ready = true
	s.cond.Signal()
}

type monitor struct {
	startMu sync.Mutex
	mu      sync.Mutex
	wg      sync.WaitGroup
	running bool
}

// Add happens under startMu, and Wait holds startMu so that no new
// monitor is counted while it waits: the Done of a counted monitor never
// needs startMu (nats-server server/consumer.go stopMonitoring and
// shouldStartMonitor, a false positive on the application corpus).
func (m *monitor) stop() {
	m.startMu.Lock()
	defer m.startMu.Unlock()
	m.wg.Wait()
}

func (m *monitor) shouldStart() bool {
	m.startMu.Lock()
	defer m.startMu.Unlock()
	m.mu.Lock()
	if m.running {
		m.mu.Unlock()
		return false
	}
	m.running = true
	m.mu.Unlock()
	m.wg.Add(1)
	return true
}

func (m *monitor) clearRunning() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.running {
		m.wg.Done()
		m.running = false
	}
}

func (m *monitor) start(run func(func())) {
	if m.shouldStart() {
		run(func() {
			defer m.clearRunning()
		})
	}
}

func (m *monitor) startOrUndo(start func() bool) {
	if m.shouldStart() {
		if !start() {
			m.clearRunning()
		}
	}
}

type listenerNoLock struct {
	mu      sync.Mutex
	pending []int
}

// pop holds mu while it waits for stop.
func (l *listenerNoLock) pop(stop chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	<-stop
}

// The helper does not take mu: serve's wait for it ends.
func serveNoLock() {
	l := &listenerNoLock{}
	stop := make(chan struct{})
	defer close(stop)
	go l.pop(stop)
	done := make(chan struct{})
	go func() {
		l.pending = nil
		close(done)
	}()
	<-done
}

type listenerHelperFirst struct {
	mu      sync.Mutex
	pending []int
}

// pop holds mu while it waits for stop.
func (l *listenerHelperFirst) pop(stop chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	<-stop
}

// The wait for the helper ends before pop is started: the helper's lock
// is taken and released before anyone holds it.
func serveHelperFirst() {
	l := &listenerHelperFirst{}
	stop := make(chan struct{})
	defer close(stop)
	done := make(chan struct{})
	go func() {
		l.mu.Lock()
		l.pending = nil
		l.mu.Unlock()
		close(done)
	}()
	<-done
	go l.pop(stop)
}

type listenerCloseFirst struct {
	mu      sync.Mutex
	pending []int
}

// pop holds mu while it waits for stop.
func (l *listenerCloseFirst) pop(stop chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	<-stop
}

// stop is closed before the wait for the helper.
func serveCloseFirst() {
	l := &listenerCloseFirst{}
	stop := make(chan struct{})
	go l.pop(stop)
	done := make(chan struct{})
	go func() {
		l.mu.Lock()
		l.pending = nil
		l.mu.Unlock()
		close(done)
	}()
	close(stop)
	<-done
}

type listenerTimeout struct {
	mu      sync.Mutex
	pending []int
}

// pop holds mu while it waits for stop.
func (l *listenerTimeout) pop(stop chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	<-stop
}

// The wait for the helper can give up on a timer.
func serveTimeout(timeout <-chan struct{}) {
	l := &listenerTimeout{}
	stop := make(chan struct{})
	defer close(stop)
	go l.pop(stop)
	done := make(chan struct{})
	go func() {
		l.mu.Lock()
		l.pending = nil
		l.mu.Unlock()
		close(done)
	}()
	select {
	case <-done:
	case <-timeout:
	}
}

// events calls its handlers from the goroutine that delivers events.
type events struct{ handlers []func() }

func (e *events) on(h func()) { e.handlers = append(e.handlers, h) }

func (e *events) deliver() {
	for _, h := range e.handlers {
		h()
	}
}

// The function receives before it takes the local mutex: the handler's
// send completes, then it unlocks.
func receiveFirst(e *events) {
	done := make(chan bool)
	var mu sync.Mutex
	e.on(func() {
		mu.Lock()
		defer mu.Unlock()
		done <- true
	})
	go e.deliver()
	<-done
	mu.Lock()
	mu.Unlock()
}

// Two local mutexes: the one the function takes is not the handler's.
func otherMutex(e *events) {
	done := make(chan bool)
	var mu, other sync.Mutex
	e.on(func() {
		mu.Lock()
		defer mu.Unlock()
		done <- true
	})
	go e.deliver()
	other.Lock()
	other.Unlock()
	<-done
}

// A mutex local to each handler call: nobody else can hold it.
func ownMutex(e *events) {
	done := make(chan bool)
	e.on(func() {
		var mu sync.Mutex
		mu.Lock()
		defer mu.Unlock()
		done <- true
	})
	go e.deliver()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	<-done
}
