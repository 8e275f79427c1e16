// Package bad holds variables accessed both atomically and plainly.
package bad

import (
	"sync"
	"sync/atomic"
)

type stats struct {
	requests int64
	errors   int32
	closed   uint32
}

// inc counts atomically.
func (s *stats) inc(failed bool) {
	atomic.AddInt64(&s.requests, 1)
	if failed {
		atomic.AddInt32(&s.errors, 1)
	}
}

// Requests reads the counter plainly: it races with inc; modelled on
// coder/coder#24844 (connMetrics.total written with atomic.AddInt64 and
// read as a plain int64).
func (s *stats) Requests() int64 {
	return s.requests // want `s.requests is read plainly here but accessed with atomic.AddInt64 at line 17`
}

// Reset stores plainly.
func (s *stats) Reset() {
	s.errors = 0 // want `s.errors is written plainly here but accessed with atomic.AddInt32`
}

// isClosed: a flag stored atomically and read plainly; modelled on
// apache/rocketmq-client-go#866 (fields written with sync/atomic and read
// directly).
func (s *stats) close() { atomic.StoreUint32(&s.closed, 1) }

func (s *stats) isClosed() bool {
	return s.closed == 1 // want `s.closed is read plainly here but accessed with atomic.StoreUint32`
}

var inflight int64

func start() { atomic.AddInt64(&inflight, 1) }

// report reads a package-level counter plainly.
func report() int64 {
	return inflight // want `inflight is read plainly here but accessed with atomic.AddInt64`
}

type pool struct {
	mu    sync.Mutex
	count int32
}

func (p *pool) get() { atomic.AddInt32(&p.count, 1) }

// put: holding a mutex does not order a plain decrement with the atomic
// adds elsewhere; modelled on google/gxui#69 (refCount updated with
// atomic.AddUint32 but read without atomic.LoadUint32).
func (p *pool) put() {
	p.mu.Lock()
	p.count-- // want `p.count is read and written plainly`
	p.mu.Unlock()
}

// counters is embedded in the server, which updates it atomically; the
// server's own plain read of its copy races with those updates.
type counters struct{ msgs int64 }

type server struct{ counters }

func (s *server) received() { atomic.AddInt64(&s.msgs, 1) }

func (s *server) snapshot() int64 {
	return s.msgs // want `s.msgs is read plainly here but accessed with atomic.AddInt64`
}

// cache counts hits atomically under its read lock; a plain read under
// the same read lock still overlaps them (readers share it).
type cache struct {
	mu   sync.RWMutex
	hits int64
	m    map[string]int
}

func (c *cache) get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	atomic.AddInt64(&c.hits, 1)
	return c.m[k]
}

func (c *cache) peek() int64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.hits // want `c.hits is read plainly`
}

// meter counts atomically without any lock, so the write lock held by
// reset excludes nothing.
type meter struct {
	mu sync.RWMutex
	n  int64
}

func (m *meter) mark() { atomic.AddInt64(&m.n, 1) }

func (m *meter) reset() {
	m.mu.Lock()
	m.n = 0 // want `m.n is written plainly`
	m.mu.Unlock()
}

// gauge is generic: the atomic add in its method and the plain read on
// one instantiation are the same field.
type gauge[T any] struct {
	n     int64
	label T
}

func (g *gauge[T]) add() { atomic.AddInt64(&g.n, 1) }

func readGauge(g *gauge[string]) int64 {
	return g.n // want `g.n is read plainly`
}

// respCache's stats hang off it by pointer; the lock-free atomic load in
// hits overlaps the plain reset under the write lock.
type respStats struct{ hits int64 }

type respCache struct {
	mu    sync.RWMutex
	stats *respStats
}

func (c *respCache) hit() {
	c.mu.RLock()
	atomic.AddInt64(&c.stats.hits, 1)
	c.mu.RUnlock()
}

func (c *respCache) hits() int64 { return atomic.LoadInt64(&c.stats.hits) }

func (c *respCache) reset() {
	c.mu.Lock()
	c.stats.hits = 0 // want `c.stats.hits is written plainly`
	c.mu.Unlock()
}

// ring.rewind's doc says it is for testing only, but the program calls it
// (Restart): prose is not an exemption (issue #23).
type ring struct{ pos uint64 }

func (r *ring) Advance() uint64 { return atomic.AddUint64(&r.pos, 1) }

// rewind is for testing only, and doesn't need to be thread safe.
func (r *ring) rewind() {
	// benign race: a stale position is harmless.
	r.pos = 0 // want `r.pos is written plainly`
}

func (r *ring) Restart() { r.rewind() }

// The program calls the helpers above: a function nothing in the build
// names runs only under the tests (see good.go's idGen.reset), so each
// plain access here is named by code that runs beside the atomic ones.
var _ = []any{(*stats).isClosed, report, (*pool).put, (*server).snapshot, (*cache).peek, (*meter).reset, readGauge, (*respCache).reset}
