// Package good holds code that keeps its checklocks annotations, in the
// shapes a checker without the function annotations, closures or read
// locks gets wrong.
package good

import (
	"sync"
	"sync/atomic"
)

type session struct {
	mu sync.Mutex
	// +checklocks:mu
	seq int
	// +checklocks:mu
	log []string
}

// locked takes the lock around the accesses.
func (s *session) locked() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.log = append(s.log, "x")
}

// flushLocked is entered holding s.mu: its annotation says so.
//
// +checklocks:s.mu
func (s *session) flushLocked() {
	s.seq = 0
	s.log = nil
}

// callsLocked holds the lock the callee requires.
func (s *session) callsLocked() {
	s.mu.Lock()
	s.flushLocked()
	s.mu.Unlock()
}

// chained passes its own precondition on.
//
// +checklocks:s.mu
func (s *session) chained() { s.flushLocked() }

// debugDump is exempted by its author.
//
// +checklocksignore
func (s *session) debugDump() int {
	f := func() int { return s.seq } // the closure inherits the exemption
	return f() + len(s.log)
}

// lockSession returns with s.mu held.
//
// +checklocksacquire:s.mu
func lockSession(s *session) { s.mu.Lock() }

// unlockSession releases what its caller holds.
//
// +checklocksrelease:s.mu
func unlockSession(s *session) { s.mu.Unlock() }

// viaHelpers holds the lock between the two helpers.
func viaHelpers(s *session) {
	lockSession(s)
	s.seq++
	unlockSession(s)
}

// openLocked makes a session and returns it locked.
//
// +checklocksacquire:s.mu
func openLocked() (s *session) {
	s = new(session)
	s.mu.Lock()
	return s
}

// useOpened writes under the lock openLocked returned holding.
func useOpened() {
	s := openLocked()
	s.seq = 1
	s.mu.Unlock()
}

// fresh: a value made here and not yet shared needs no lock.
func fresh() *session {
	s := &session{}
	s.seq = 1
	return s
}

// inline closure and function literal, called where they are made, under
// the lock.
func (s *session) inline() {
	s.mu.Lock()
	func() { s.seq++ }()
	func(t *session) { t.seq++ }(s)
	bump := func() { s.seq++ }
	bump()
	s.mu.Unlock()
}

// deferredWhileHeld: the deferred closure runs at the return, still
// holding s.mu, and releases it.
func (s *session) deferredWhileHeld() {
	s.mu.Lock()
	defer func() {
		s.seq++
		s.mu.Unlock()
	}()
}

// selfLocking: a closure handed to another function that takes the lock
// itself.
func (s *session) selfLocking(run func(func())) {
	run(func() {
		s.mu.Lock()
		s.seq++
		s.mu.Unlock()
	})
}

type index struct {
	mu sync.RWMutex
	// +checklocks:mu
	byName map[string]int
}

// lookup reads under the read lock.
func (x *index) lookup(k string) int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.byName[k]
}

// sizeRead is entered holding at least the read lock.
//
// +checklocksread:x.mu
func (x *index) sizeRead() int { return len(x.byName) }

func (x *index) size() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.sizeRead()
}

// +checklocksexcludewrite:x.mu
func (x *index) snapshot() int { return 0 }

// snapshotUnderRead holds only the read lock, which the exclusion allows.
func (x *index) snapshotUnderRead() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.snapshot()
}

// +checklocksexclude:s.mu
func (s *session) report() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq
}

func (s *session) reportUnlocked() int { return s.report() }

type ledger struct {
	accounts sync.Mutex
	journal  sync.Mutex
	// +checklocks:accounts
	// +checklocks:journal
	balance int
}

func (l *ledger) credit(n int) {
	l.accounts.Lock()
	l.journal.Lock()
	l.balance += n
	l.journal.Unlock()
	l.accounts.Unlock()
}

type counters struct {
	mu sync.Mutex
	// +checkatomic
	hits int64
	// +checkatomic
	// +checklocks:mu
	epoch int64
	// +checkatomic
	// +checklocks:mu
	gen atomic.Int32
}

func (c *counters) hit() int64 { return atomic.AddInt64(&c.hits, 1) }

// readLockFree: a mixed field may be read atomically without its lock.
func (c *counters) readLockFree() (int64, int32) {
	return atomic.LoadInt64(&c.epoch), c.gen.Load()
}

// writeLocked: and written atomically with it.
func (c *counters) writeLocked() {
	c.mu.Lock()
	atomic.StoreInt64(&c.epoch, 2)
	c.gen.Add(1)
	c.mu.Unlock()
}

// readLocked: or read plainly with it.
func (c *counters) readLocked() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.epoch
}

// +checklocksalias:inner.mu=mu
type outer struct {
	mu    sync.Mutex
	inner struct{ mu *sync.Mutex }
	// +checklocks:inner.mu
	n int
}

// viaAlias holds mu, which the type declares the same lock as inner.mu.
func (o *outer) viaAlias() {
	o.mu.Lock()
	o.n++
	o.mu.Unlock()
}

var tableMu sync.Mutex

var table struct {
	// +checklocks:tableMu
	rows []string
}

func addRow(r string) {
	tableMu.Lock()
	table.rows = append(table.rows, r)
	tableMu.Unlock()
}

// unannotated fields are never checked here, whatever the locks around them.
type plain struct {
	mu sync.Mutex
	n  int
}

func (p *plain) inc()       { p.mu.Lock(); p.n++; p.mu.Unlock() }
func (p *plain) value() int { return p.n }

type ring struct {
	mu sync.Mutex
	// +checklocks:mu
	slots [4]int
}

func (r *ring) get(i int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.slots[i%4]
}
