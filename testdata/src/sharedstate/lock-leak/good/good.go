// Package good holds lock patterns that never leak a lock.
package good

import (
	"errors"
	"os"
	"sync"
)

var errClosed = errors.New("closed")

type store struct {
	mu     sync.Mutex
	rw     sync.RWMutex
	m      map[string]int
	closed bool
}

// deferred: defer releases the lock on every path.
func (s *store) deferred(k string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	s.m[k]++
	return nil
}

// deferredClosure: a deferred closure releases the lock.
func (s *store) deferredClosure(k string) error {
	s.mu.Lock()
	defer func() {
		s.mu.Unlock()
	}()
	if s.closed {
		return errClosed
	}
	s.m[k]++
	return nil
}

// deferredMethodValue: the unlock is a method value deferred later.
func (s *store) deferredMethodValue() error {
	s.mu.Lock()
	unlock := s.mu.Unlock
	defer unlock()
	if s.closed {
		return errClosed
	}
	return nil
}

// lock returns holding the lock on every path: a helper by design.
func (s *store) lock() { s.mu.Lock() }

// acquire locks and returns holding it unless closed: its name and its
// callers say it hands the lock over.
func (s *store) acquire() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errClosed
	}
	return nil
}

// get is a conditional acquire whose callers unlock on success.
func (s *store) get(k string) (int, bool) {
	s.mu.Lock()
	v, ok := s.m[k]
	if !ok {
		s.mu.Unlock()
		return 0, false
	}
	return v, true
}

// useGet unlocks what get handed over.
func (s *store) useGet(k string) int {
	v, ok := s.get(k)
	if !ok {
		return 0
	}
	s.m[k] = v + 1
	s.mu.Unlock()
	return v
}

// returnsUnlock hands the unlock to the caller as a func.
func (s *store) returnsUnlock() (func(), error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errClosed
	}
	return s.mu.Unlock, nil
}

// tryLock: the lock is held only on TryLock's true branch.
func (s *store) tryLock() bool {
	if !s.mu.TryLock() {
		return false
	}
	s.m["x"]++
	s.mu.Unlock()
	return true
}

// tryLockPositive: TryLock tested directly.
func (s *store) tryLockPositive() bool {
	if s.mu.TryLock() {
		s.m["x"]++
		s.mu.Unlock()
		return true
	}
	return false
}

// exits: the path that does not unlock ends the process.
func (s *store) exits() error {
	s.mu.Lock()
	if s.closed {
		os.Exit(1)
	}
	s.mu.Unlock()
	return nil
}

// panics: the path that does not unlock panics.
func (s *store) panics(k string) int {
	s.mu.Lock()
	v, ok := s.m[k]
	if !ok {
		panic("missing " + k)
	}
	s.mu.Unlock()
	return v
}

func fatal(msg string) {
	panic(msg)
}

// helperNeverReturns: the path ends in a helper that never returns.
func (s *store) helperNeverReturns() error {
	s.mu.Lock()
	if s.closed {
		fatal("closed")
	}
	s.mu.Unlock()
	return nil
}

// unlockBothBranches: both branches release before returning.
func (s *store) unlockBothBranches() error {
	s.rw.RLock()
	if s.closed {
		s.rw.RUnlock()
		return errClosed
	}
	n := len(s.m)
	s.rw.RUnlock()
	_ = n
	return nil
}

// conditionalLock: the lock is taken and released under the same
// condition; the must analysis never believes it held at the return.
func (s *store) conditionalLock(shared bool) int {
	if shared {
		s.mu.Lock()
	}
	n := len(s.m)
	if shared {
		s.mu.Unlock()
	}
	return n
}

// unlockInGoroutine: a goroutine releases the lock once its work is done.
func (s *store) unlockInGoroutine(done chan struct{}) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errClosed
	}
	go func() {
		<-done
		s.mu.Unlock()
	}()
	return nil
}

type shard struct {
	mu sync.Mutex
	m  map[string]int
}

type shards struct{ all []*shard }

// lockShard returns the shard it locked: the caller owns the lock.
func (ss *shards) shardFor(i int) *shard {
	s := ss.all[i%len(ss.all)]
	s.mu.Lock()
	if s.m == nil {
		s.mu.Unlock()
		return nil
	}
	return s
}

// localMutex: a function-local mutex nobody else can wait on.
func localMutex(fail bool) error {
	var mu sync.Mutex
	mu.Lock()
	if fail {
		return errClosed
	}
	mu.Unlock()
	return nil
}

// unlockAll releases every shard it locked in a loop.
func (ss *shards) lockAllThenRelease() int {
	for _, s := range ss.all {
		s.mu.Lock()
	}
	n := 0
	for _, s := range ss.all {
		n += len(s.m)
		s.mu.Unlock()
	}
	return n
}

// cond: sync.Cond.Wait releases and reacquires; the lock is still
// released before every return.
type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func (q *queue) pop() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

type gossip struct {
	mu     sync.Mutex
	closed bool
	peers  int
}

// bootstrapFixed unlocks before breaking out.
func (g *gossip) bootstrapFixed() {
	for {
		g.mu.Lock()
		if g.closed {
			g.mu.Unlock()
			break
		}
		g.peers++
		g.mu.Unlock()
		break
	}
}

// eachShard: the loop body's lock does not dominate the return.
func (ss *shards) eachShard(stop func(*shard) bool) {
	for _, s := range ss.all {
		s.mu.Lock()
		if stop(s) {
			s.mu.Unlock()
			break
		}
		s.mu.Unlock()
	}
}

// unlockOnBothBranches: released on each branch of a switch.
func (s *store) unlockOnBothBranches(op int) {
	s.mu.Lock()
	switch op {
	case 0:
		s.m = nil
		s.mu.Unlock()
	default:
		s.mu.Unlock()
	}
}

type conn struct {
	rlock sync.Mutex
	id    int
}

// waitResponse returns the read mutex still locked when the response is
// the caller's: the caller unlocks it (modelled on the false positive in
// segmentio/kafka-go's Conn.waitResponse).
func (c *conn) waitResponse(id int) (lock *sync.Mutex, err error) {
	for {
		c.rlock.Lock()
		if c.id < 0 {
			c.rlock.Unlock()
			err = errClosed
			break
		}
		if c.id == id {
			lock = &c.rlock
			break
		}
		c.rlock.Unlock()
	}
	return
}

type sub struct {
	mu  sync.Mutex
	sid int
}

// applyNewSID is entered with s.mu held, drops it and takes it back on
// every way out (modelled on the false positive in nats.go's
// Subscription.applyNewSID).
func (s *sub) applyNewSID(ok bool) int {
	s.mu.Unlock()
	if !ok {
		s.mu.Lock()
		return 0
	}
	s.sid++
	s.mu.Lock()
	return s.sid
}

// replayYielding defers the unlock at entry and drops the lock for a
// moment on every round of a loop; the return inside the loop, after the
// lock is taken back, is released by the defer (modelled on the false
// positive in a raft node's resume-apply loop, which yields to other
// goroutines between entries).
func (s *store) replayYielding(n int, yield func(), closed func() bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.m["applied"] = i
		s.mu.Unlock()
		yield()
		s.mu.Lock()
		if closed() {
			return
		}
	}
}

// waitOutsideLock defers the unlock, releases the lock to wait on a
// channel and takes it back before returning on either branch (modelled on
// the false positives in a cluster manager that waits for a group to be
// created, and a store that syncs its blocks with the lock dropped).
func (s *store) waitOutsideLock(done <-chan struct{}) error {
	s.rw.Lock()
	defer s.rw.Unlock()
	if s.closed {
		return errClosed
	}
	s.rw.Unlock()
	<-done
	s.rw.Lock()
	if s.closed {
		return errClosed
	}
	s.m["done"]++
	return nil
}

// acquireState returns holding the lock on every path, the error one
// included, and never unlocks it: its contract is "returns locked", and
// useState unlocks whatever the error.
func (s *store) acquireState() error {
	s.mu.Lock()
	if s.closed {
		return errClosed
	}
	return nil
}

func (s *store) useState() error {
	err := s.acquireState()
	defer s.mu.Unlock()
	return err
}

// acquireReady waits, in a loop, until the store is open and returns
// holding the lock with a nil error; the closed path unlocks before its
// error. A lock handed over on success is the helper's contract.
func (s *store) acquireReady(wait func()) error {
	for {
		s.mu.Lock()
		if len(s.m) > 0 {
			return nil
		}
		if s.closed {
			s.mu.Unlock()
			return errClosed
		}
		s.mu.Unlock()
		wait()
	}
}

// TryAcquireSlot follows the acquire convention on camel-case words (try,
// acquire, slot): it returns holding the lock when it says true, and its
// callers, outside this package, unlock.
func (s *store) TryAcquireSlot(k string) bool {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return false
	}
	s.m[k]++
	return true
}
