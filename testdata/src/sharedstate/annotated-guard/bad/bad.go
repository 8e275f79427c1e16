// Package bad breaks checklocks annotations (gVisor's machine-readable
// lock contracts; semantics as documented in gVisor's
// tools/checklocks/README.md). The cases are written for reviewlint.
package bad

import (
	"sync"
	"sync/atomic"

	"sharedstate/annotated-guard/dep"
)

type session struct {
	mu sync.Mutex
	// +checklocks:mu
	seq int
	// +checklocks:mu
	peers map[string]bool
	name  string // not annotated: never checked
}

// bump writes and reads the guarded fields with no lock at all.
func (s *session) bump() int {
	s.seq++                // want `s.seq is written without holding s.mu, which its \+checklocks annotation says guards it`
	s.peers["x"] = true    // want `s.peers is written without holding s.mu`
	s.name = "unannotated" // no annotation, no finding
	return 0
}

// wrongObject locks one session and writes another's field.
func wrongObject(a, b *session) {
	a.mu.Lock()
	b.seq = 1 // want `b.seq is written without holding b.mu`
	a.mu.Unlock()
}

// afterUnlock: the access comes once the lock is dropped.
func (s *session) afterUnlock() {
	s.mu.Lock()
	s.mu.Unlock()
	s.seq = 2 // want `s.seq is written without holding s.mu`
}

// onOnePath: the lock is taken on one branch only.
func (s *session) onOnePath(lock bool) {
	if lock {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	s.seq = 3 // want `s.seq is written without holding s.mu`
}

type index struct {
	mu sync.RWMutex
	// +checklocks:mu
	byName map[string]int
}

// insertUnderRLock writes a map guarded by an RWMutex under its read lock.
func (x *index) insertUnderRLock(k string) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	x.byName[k] = 1 // want `x.byName is written without holding x.mu for writing`
}

// Two locks guard one field: both must be held.
type ledger struct {
	accounts sync.Mutex
	journal  sync.Mutex
	// +checklocks:accounts
	// +checklocks:journal
	balance int
}

func (l *ledger) creditOneLock(n int) {
	l.accounts.Lock()
	l.balance += n // want `l.balance is written without holding l.journal`
	l.accounts.Unlock()
}

// An inline struct field guarded as a whole.
type pool struct {
	mu sync.Mutex
	// +checklocks:mu
	stats struct {
		gets, puts int
	}
}

func (p *pool) countGet() {
	p.stats.gets++ // want `p.stats is written without holding p.mu`
}

var registryMu sync.Mutex

var registry struct {
	// +checklocks:registryMu
	names []string
}

// +checklocks:registryMu
var generation int

func register(n string) {
	registry.names = append(registry.names, n) // want `registry.names is written without holding registryMu`
	generation++                               // want `generation is written without holding registryMu`
}

// flushLocked expects its caller to hold s.mu.
//
// +checklocks:s.mu
func (s *session) flushLocked() { s.seq = 0 }

// flushUnlocked calls it without the lock.
func (s *session) flushUnlocked() {
	s.flushLocked() // want `this calls flushLocked without holding s.mu, which its \+checklocks annotation requires held`
}

type owner struct {
	mu sync.Mutex
	// +checklocks:mu
	cur *session
}

// wrongLockForCallee holds o.mu, but flushLocked needs the session's own.
func (o *owner) wrongLockForCallee() {
	o.mu.Lock()
	o.cur.flushLocked() // want `without holding o.cur.mu`
	o.mu.Unlock()
}

// +checklocksexclude:s.mu
func (s *session) report() int {
	return 0
}

func (s *session) reportUnderLock() {
	s.mu.Lock()
	s.report() // want `this calls report while holding s.mu, which its \+checklocksexclude annotation forbids`
	s.mu.Unlock()
}

// +checklocksacquire:s.mu
func (s *session) lockIfOpen(open bool) {
	if open {
		s.mu.Lock()
	}
} // want `lockIfOpen returns here without holding s.mu, which its \+checklocksacquire annotation says it returns holding`

// +checklocksrelease:s.mu
func (s *session) unlockAfterFlush(flush bool) {
	if flush {
		s.seq = 0
		s.mu.Unlock()
		return
	}
	return // want `unlockAfterFlush returns here still holding s.mu, which its \+checklocksrelease annotation says it releases`
}

func runLater(f func()) { f() }

// handedOff: a closure given to another function may run anywhere, with
// no lock, even though the maker holds s.mu around the hand-off.
func (s *session) handedOff() {
	s.mu.Lock()
	runLater(func() {
		s.seq = 4 // want `s.seq is written without holding s.mu`
	})
	s.mu.Unlock()
}

// deferredAfterUnlock: a deferred closure runs at the return, after the
// explicit Unlock.
func (s *session) deferredAfterUnlock() {
	s.mu.Lock()
	defer func() {
		s.seq = 5 // want `s.seq is written without holding s.mu`
	}()
	s.mu.Unlock()
}

// addrUnlocked hands the guarded field's address to a function that
// writes through it.
func (s *session) addrUnlocked() {
	setInt(&s.seq) // want `s.seq is read without holding s.mu`
}

func setInt(p *int) { *p = 1 }

// A generic type's guarded field, in a generic method; modelled on
// google/gvisor#10372 (guards of generic types' fields went unchecked).
type box[T any] struct {
	mu sync.Mutex
	// +checklocks:mu
	v T
}

func (b *box[T]) setUnlocked(v T) {
	b.v = v // want `b.v is written without holding b.mu`
}

var cfgMu sync.Mutex

// +checklocks:cfgMu
func applyConfig[T any](v T) { _ = v }

func applyUnlocked[T any](v T) {
	applyConfig(v) // want `this calls applyConfig without holding cfgMu`
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

func (c *counters) plainRead() int64 {
	return c.hits // want `c.hits is read without sync/atomic, but its \+checkatomic annotation says it is accessed atomically`
}

func (c *counters) plainWriteLocked() {
	c.mu.Lock()
	c.epoch = 1 // want `c.epoch is written without sync/atomic`
	c.mu.Unlock()
}

func (c *counters) atomicWriteUnlocked() {
	atomic.StoreInt64(&c.epoch, 2) // want `c.epoch is written without holding c.mu`
	c.gen.Store(3)                 // want `c.gen is written without holding c.mu`
}

func (c *counters) plainReadUnlocked() int64 {
	return c.epoch // want `c.epoch is read without holding c.mu`
}

// A guard behind sync.Locker.
type guarded struct {
	l sync.Locker
	// +checklocks:l
	n int
}

func (g *guarded) incUnlocked() { g.n++ } // want `g.n is written without holding g.l`

// Another package's annotations.
func crossPackage(t *dep.Table, s *dep.Slot[string]) {
	dep.Requests++      // want `Requests is written without holding StatsMu`
	t.PutLocked("k", 1) // want `this calls PutLocked without holding t.Mu`
	s.Val = "v"         // want `s.Val is written without holding s.Mu`
}

// An array field's elements are the field.
type ring struct {
	mu sync.Mutex
	// +checklocks:mu
	slots [4]int
}

func (r *ring) put(i, v int) {
	r.slots[i%4] = v // want `r.slots is written without holding r.mu`
}
