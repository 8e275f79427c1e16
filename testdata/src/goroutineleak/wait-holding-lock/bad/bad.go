// Package bad holds goroutines that block while holding a mutex their
// partner must take first.
package bad

import "sync"

type status struct{ ready bool }

type manager struct {
	mu      sync.Mutex
	current map[string]status
	changes chan status
}

func newManager() *manager {
	return &manager{current: map[string]status{}, changes: make(chan status)}
}

// The setter sends while holding mu; the syncing loop takes mu between two
// receives, so once it is in forget the setter and the loop wait for each
// other. Modelled on kubernetes/kubernetes#10182 (the kubelet status
// manager sent on its status channel under the statuses lock).
func (m *manager) set(name string, s status) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.current[name] = s
	m.changes <- s // want `goroutine sends on manager.changes while holding m.mu`
}

func (m *manager) syncOnce() {
	s := <-m.changes
	if !s.ready {
		m.forget()
	}
}

func (m *manager) forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.current)
}

func (m *manager) run() {
	go func() {
		for {
			m.syncOnce()
		}
	}()
}

type broadcaster struct {
	mu      sync.Mutex
	pending []int
	updates chan int
	done    chan struct{}
}

func newBroadcaster() *broadcaster {
	b := &broadcaster{updates: make(chan int, 1), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		for u := range b.updates {
			b.merge(u)
		}
	}()
	return b
}

func (b *broadcaster) merge(u int) {
	b.mu.Lock()
	b.pending = append(b.pending, u)
	b.mu.Unlock()
}

// stop waits for the loop to end while holding mu, and the loop takes mu
// for every update it merges before it can close done. Modelled on
// etcd-io/etcd#6873 (watchBroadcasts.stop held the lock while waiting on
// donec).
func (b *broadcaster) stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.updates)
	<-b.done // want `goroutine receives from broadcaster.done while holding b.mu`
}

type health struct{ stop chan struct{} }

type container struct {
	mu     sync.Mutex
	health *health
}

// The probe loop takes the container's lock on every round; stopping the
// monitor sends on its stop channel with that lock held, through a helper.
// Modelled on moby/moby#28462 (the health monitor was stopped under the
// container lock while the probe needed it).
func (c *container) stateChanged() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.health.closeMonitor()
}

func (h *health) closeMonitor() {
	h.stop <- struct{}{} // want `goroutine sends on health.stop while holding c.mu`
}

func (c *container) startMonitor() {
	c.health = &health{stop: make(chan struct{})}
	go monitor(c, c.health.stop)
}

func monitor(c *container, stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
			c.probe()
		}
	}
}

func (c *container) probe() {
	c.mu.Lock()
	defer c.mu.Unlock()
}

type pool struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []int
}

// Wait under the lock that every worker takes to store its result before
// Done. Modelled on cockroachdb/cockroach#1055 (the stopper waited for its
// workers while holding the lock they needed to finish).
func (p *pool) run(jobs []int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, j := range jobs {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.mu.Lock()
			p.results = append(p.results, j)
			p.mu.Unlock()
		}()
	}
	p.wg.Wait() // want `goroutine waits for pool.wg while holding p.mu`
}

type counter struct {
	mu   sync.Mutex
	seen int
}

// A channel made here and handed to the goroutine as an argument: the
// producer takes mu before each send, the caller receives holding mu.
func (c *counter) collect(n int) int {
	ch := make(chan int)
	go c.produce(ch, n)
	c.mu.Lock()
	defer c.mu.Unlock()
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch // want `goroutine receives from the channel while holding c.mu`
	}
	return sum
}

func (c *counter) produce(ch chan int, n int) {
	for i := 0; i < n; i++ {
		c.mu.Lock()
		c.seen++
		c.mu.Unlock()
		ch <- i
	}
}

type muxWatcher struct{ result chan struct{} }

type mux struct {
	mu       sync.Mutex
	watchers map[int]*muxWatcher
}

func (m *mux) watch(id int) *muxWatcher {
	w := &muxWatcher{result: make(chan struct{})}
	m.mu.Lock()
	m.watchers[id] = w
	m.mu.Unlock()
	return w
}

// The distributor sends to a watcher under the mux lock; the only way to
// end that send is stopping the watcher, which closes the channel under
// the same lock. Modelled on kubernetes/kubernetes#1321 (the watch mux's
// distribute blocked on a stopped watcher's result channel).
func (m *mux) distribute() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, w := range m.watchers {
		w.result <- struct{}{} // want `goroutine sends on muxWatcher.result while holding m.mu`
	}
}

func (m *mux) stopWatching(id int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.watchers[id]; ok {
		delete(m.watchers, id)
		close(w.result)
	}
}

type listener struct {
	mu      sync.Mutex
	pending []int
}

// pop holds mu while it waits for stop. Its partner, the deferred close in
// serve, runs only after serve's wait for a helper goroutine, and the
// helper takes mu before it reports: pop waits for serve, serve for the
// helper, the helper for pop's lock. Modelled on kubernetes/kubernetes#26980
// (processorListener.pop waited on stopCh while holding p.lock; the test
// closing stopCh first waited for a goroutine that needed p.lock).
func (l *listener) pop(stop chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	<-stop // want `goroutine receives from the channel while holding l.mu`
}

func serve() {
	l := &listener{}
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
	<-done
}

// events calls its handlers from the goroutine that delivers events.
type events struct{ handlers []func() }

func (e *events) on(h func()) { e.handlers = append(e.handlers, h) }

func (e *events) deliver() {
	for _, h := range e.handlers {
		h()
	}
}

// A mutex that is a local variable, shared by the function and the handler
// it registers: the handler sends while holding it, and the function takes
// it before it receives. Modelled on istio/istio#16224 (a test's event
// handler locked a local mutex and signalled a channel that the test read
// only after taking the same mutex).
func awaitEvent(e *events) {
	done := make(chan bool)
	var mu sync.Mutex
	e.on(func() {
		mu.Lock()
		defer mu.Unlock()
		done <- true // want `goroutine sends on the channel while holding mu \(locked at line \d+\), but every receiver \(and close\) takes that lock first`
	})
	go e.deliver()
	mu.Lock()
	mu.Unlock()
	<-done
}
