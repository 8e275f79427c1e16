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

// Requests reads the counter plainly: it races with inc.
func (s *stats) Requests() int64 {
	return s.requests // want `s.requests is read plainly here but accessed with atomic.AddInt64 at line 17`
}

// Reset stores plainly.
func (s *stats) Reset() {
	s.errors = 0 // want `s.errors is written plainly here but accessed with atomic.AddInt32`
}

// close/isClosed: modelled on grpc/grpc-go#1687-style races where a
// closed flag set with atomic.StoreUint32 was read with a plain load.
func (s *stats) close() { atomic.StoreUint32(&s.closed, 1) }

func (s *stats) isClosed() bool {
	return s.closed == 1 // want `s.closed is read plainly here but accessed with atomic.StoreUint32`
}

var inflight int64

func start() { atomic.AddInt64(&inflight, 1) }

// report reads the global plainly; modelled on etcd-io/etcd#8372-style
// races on package-level counters updated with sync/atomic.
func report() int64 {
	return inflight // want `inflight is read plainly here but accessed with atomic.AddInt64`
}

type pool struct {
	mu    sync.Mutex
	count int32
}

func (p *pool) get() { atomic.AddInt32(&p.count, 1) }

// underLock: holding a mutex does not order a plain write with the
// atomic adds elsewhere; modelled on prometheus/client_golang#362 (a
// counter's value read without atomic while Add used sync/atomic).
func (p *pool) put() {
	p.mu.Lock()
	p.count-- // want `p.count is read plainly` `p.count is written plainly`
	p.mu.Unlock()
}
