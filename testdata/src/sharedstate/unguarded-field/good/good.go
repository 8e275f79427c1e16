// Package good holds fields whose unlocked accesses are safe.
package good

import (
	"sync"
	"sync/atomic"
)

type counter struct {
	mu   sync.Mutex
	n    int
	name string
	hits int64
	done chan struct{}
}

// newCounter initialises before the value is published.
func newCounter(name string) *counter {
	c := &counter{name: name, done: make(chan struct{})}
	c.n = 0
	c.init()
	return c
}

// init is only called on a value its caller just allocated.
func (c *counter) init() {
	c.n = 1
}

func (c *counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	atomic.AddInt64(&c.hits, 1)
}

func (c *counter) Add(d int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.addLocked(d)
}

// addLocked expects c.mu held, by its name.
func (c *counter) addLocked(d int) { c.n += d }

// double is only called with c.mu held by every caller.
func (c *counter) double() { c.n *= 2 }

func (c *counter) Double() {
	c.mu.Lock()
	c.double()
	c.mu.Unlock()
}

// Name: name is immutable after construction.
func (c *counter) Name() string { return c.name }

func (c *counter) Label() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.name + "!"
}

// Hits: an atomic field is not guarded by the mutex.
func (c *counter) Hits() int64 { return atomic.LoadInt64(&c.hits) }

// Done: channels synchronise themselves.
func (c *counter) Done() <-chan struct{} { return c.done }

// Value holds the lock.
func (c *counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// withLock runs f with the lock held.
func (c *counter) withLock(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f()
}

// Reset hands a closure to the helper that locks.
func (c *counter) Reset() {
	c.withLock(func() {
		c.n = 0
	})
}

// unlockAfter is entered with c.mu held (it unlocks without locking).
func (c *counter) unlockAfter() {
	c.n++
	c.mu.Unlock()
}

func (c *counter) bumpAndRelease() {
	c.mu.Lock()
	c.unlockAfter()
}

type loop struct {
	mu    sync.Mutex
	state int
	// iterations is owned by the run goroutine alone.
	iterations int
}

// run: iterations is only touched here; state is guarded.
func (l *loop) run() {
	for i := 0; i < 10; i++ {
		l.iterations++
		l.mu.Lock()
		l.state = i
		l.mu.Unlock()
	}
	l.iterations = 0
}

func (l *loop) report() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state + l.iterations
}

type once struct {
	once sync.Once
	mu   sync.Mutex
	val  map[string]int
}

// get initialises through sync.Once.
func (o *once) get(k string) int {
	o.once.Do(func() {
		o.val = map[string]int{}
	})
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.val[k]
}

func (o *once) set(k string, v int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.val[k] = v
}

type cache struct {
	mu    sync.RWMutex
	items map[string]int
}

// reads under RLock count as guarded.
func (c *cache) get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.items[k]
}

func (c *cache) put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

// perGoroutine: each goroutine works on its own copy.
type job struct {
	mu     sync.Mutex
	result int
}

func (j *job) set(v int) {
	j.mu.Lock()
	j.result = v
	j.mu.Unlock()
}

func (j *job) get() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.result
}

func runAll(n int) []*job {
	jobs := make([]*job, n)
	for i := range jobs {
		j := &job{}
		j.result = i
		jobs[i] = j
	}
	return jobs
}

// mostlyUnlocked: the field is mostly accessed without the lock, so no
// guard is inferred.
type stats struct {
	mu    sync.Mutex
	count int
}

func (s *stats) a() int { return s.count }
func (s *stats) b() int { return s.count + 1 }
func (s *stats) c()     { s.count = 2 }
func (s *stats) d() {
	s.mu.Lock()
	s.count++
	s.mu.Unlock()
}

// handoff: a value received over a channel belongs to the receiver.
type msg struct {
	mu   sync.Mutex
	body string
}

func (m *msg) setBody(b string) {
	m.mu.Lock()
	m.body = b
	m.mu.Unlock()
}

func (m *msg) getBody() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.body
}

func produce(ch chan<- *msg) {
	m := &msg{}
	m.body = "hello"
	ch <- m
}

type channelMap struct {
	mu       sync.Mutex
	channels map[int]string
}

func (c *channelMap) add(id int, name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.channels[id] = name
}

func (c *channelMap) remove(id int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.deleteEntry(id)
}

// c.mu must be held by the caller
//
// deleteEntry: its doc says the caller holds the lock (modelled on the
// false positive in grpc's internal/channelz channelMap.deleteEntry). The
// doc is not read: its one caller, remove, holds c.mu, and that is seen.
func (c *channelMap) deleteEntry(id int) {
	delete(c.channels, id)
}

// lookup is called only from get, with the lock held two frames up.
func (c *channelMap) lookup(id int) string { return c.find(id) }

func (c *channelMap) find(id int) string { return c.channels[id] }

func (c *channelMap) get(id int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lookup(id)
}

type options struct {
	mu      sync.Mutex
	timeout int
	retries int
}

func (o *options) setTimeout(t int) {
	o.mu.Lock()
	o.timeout = t
	o.mu.Unlock()
}

func (o *options) Timeout() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.timeout
}

func defaultOptions() *options { return &options{timeout: 30} }

// NewOptions: a constructor filling in defaults on what the caller passed
// or what it made (modelled on vault/api's NewClient).
func NewOptions(o *options) *options {
	if o == nil {
		o = defaultOptions()
	}
	if o.timeout == 0 {
		o.timeout = 30
	}
	return o
}

type stream struct {
	mu        sync.Mutex
	attempt   *int
	committed bool
}

func (s *stream) commit() {
	s.mu.Lock()
	s.committed = true
	s.mu.Unlock()
}

func (s *stream) retry() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.committed {
		s.attempt = new(int)
	}
}

// Context: the author says why no lock is needed (modelled on grpc's
// clientStream.Context).
func (s *stream) Context() int {
	s.commit()
	// No need to lock before using attempt, since it is committed and
	// cannot change.
	return *s.attempt
}

// resetForTest is for testing only, and doesn't need to be thread safe.
func (s *stream) resetForTest() {
	s.attempt = nil
}

type health struct {
	mu        sync.Mutex
	transport *int
}

func (h *health) set(t *int) {
	h.mu.Lock()
	h.transport = t
	h.mu.Unlock()
}

func (h *health) get() *int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.transport
}

// startCheck documents its contract; the receiver is also captured by a
// closure (modelled on grpc's addrConn.startHealthCheck).
//
// Caller must hold h.mu.
func (h *health) startCheck() func() *int {
	cur := h.transport
	return func() *int {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.transport != cur {
			return nil
		}
		return cur
	}
}
