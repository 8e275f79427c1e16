// Package good holds lock sequences that never take a held lock again.
package good

import "sync"

type cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lenLocked()
}

// lenLocked expects c.mu held and does not lock it.
func (c *cache) lenLocked() int { return len(c.m) }

// Put calls the Locked variant while holding the lock.
func (c *cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lenLocked() > 100 {
		c.m = map[string]int{}
	}
	c.m[k] = v
}

// relock: the lock is released before it is taken again.
func (c *cache) relock() {
	c.mu.Lock()
	c.m["a"]++
	c.mu.Unlock()
	c.mu.Lock()
	c.m["b"]++
	c.mu.Unlock()
}

// callAfterUnlock: the locking call comes after the unlock.
func (c *cache) callAfterUnlock() int {
	c.mu.Lock()
	c.m["a"]++
	c.mu.Unlock()
	return c.Len()
}

// twoObjects: the same field of two different objects.
func twoObjects(a, b *cache) {
	a.mu.Lock()
	defer a.mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.m["x"] = a.m["x"]
}

// otherObject: a locking method called on another object.
func (c *cache) copyFrom(o *cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m["n"] = o.Len()
}

// loop: each iteration locks and unlocks.
func (c *cache) loop(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		c.m[k]++
		c.mu.Unlock()
	}
}

// loopEachShard: each iteration locks a different shard.
func lockAll(shards []*cache) {
	for _, s := range shards {
		s.mu.Lock()
	}
	for _, s := range shards {
		s.mu.Unlock()
	}
}

// tryLock: TryLock never blocks, even on a held lock.
func (c *cache) tryTwice() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.mu.TryLock()
}

// conditional: locked and unlocked under one condition each.
func (c *cache) conditional(shared bool) {
	if shared {
		c.mu.Lock()
	}
	c.m["x"]++
	if shared {
		c.mu.Unlock()
	}
	c.mu.Lock()
	c.m["y"]++
	c.mu.Unlock()
}

type registry struct {
	mu    sync.RWMutex
	items map[string]int
}

// upgrade: the read lock is dropped before the write lock is taken.
func (r *registry) upgrade(k string) int {
	r.mu.RLock()
	v, ok := r.items[k]
	r.mu.RUnlock()
	if ok {
		return v
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[k] = 1
	return 1
}

// goroutine: the goroutine locks on its own stack, after the caller
// released (or while the caller waits without holding).
func (r *registry) async(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	go func() {
		r.mu.Lock()
		r.items[k]++
		r.mu.Unlock()
	}()
}

// deferredRelock: a deferred function locks after the unlock ran.
func (r *registry) deferredWork(k string) {
	r.mu.Lock()
	r.items[k]++
	r.mu.Unlock()
	defer r.touch(k)
}

func (r *registry) touch(k string) {
	r.mu.Lock()
	r.items[k]++
	r.mu.Unlock()
}

// unlockThenCall: the helper releases the lock for the caller.
func (r *registry) unlockAndNotify() {
	r.items["n"]++
	r.mu.Unlock()
}

func (r *registry) notifyThenRelock() {
	r.mu.Lock()
	r.unlockAndNotify()
	r.mu.Lock()
	r.items["m"]++
	r.mu.Unlock()
}

// separateMutexes: two different mutexes of the same object.
type twoLocks struct {
	a, b sync.Mutex
	n    int
}

func (t *twoLocks) both() {
	t.a.Lock()
	defer t.a.Unlock()
	t.b.Lock()
	defer t.b.Unlock()
	t.n++
}

// condWait: Wait unlocks and relocks internally.
type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func (q *queue) pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

type pgConn struct {
	mu      sync.Mutex
	pending bool
	msg     string
}

// signal locks and hands the lock to a goroutine that unlocks it when the
// message arrives (modelled on the false positive in pgx's
// PgConn.signalMessage).
func (c *pgConn) signal() chan struct{} {
	ch := make(chan struct{})
	c.pending = true
	c.mu.Lock()
	go func() {
		c.msg = "received"
		c.mu.Unlock()
		close(ch)
	}()
	return ch
}

// copyLoop signals again after the earlier goroutine released the lock.
func (c *pgConn) copyLoop(n int) {
	ch := c.signal()
	for i := 0; i < n; i++ {
		<-ch
		ch = c.signal()
	}
}

// get locks only when asked to; callers holding the lock pass false.
func (c *cache) get(k string, lock bool) int {
	if lock {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	return c.m[k]
}

func (c *cache) getTwo(a, b string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.get(a, false) + c.get(b, false)
}

// A lock two calls deep, behind a branch the caller never takes: modelled
// on crypto/tls's QUIC connection, which holds the handshake mutex while it
// handles post-handshake messages; only a TLS 1.2 renegotiation (ruled out
// for QUIC) would take it again.
type tlsConn struct {
	handshakeMu sync.Mutex
	vers        int
}

func (c *tlsConn) renegotiate() {
	c.handshakeMu.Lock()
	defer c.handshakeMu.Unlock()
}

func (c *tlsConn) postHandshake() {
	if c.vers != 13 {
		c.renegotiate()
	}
}

func (c *tlsConn) quicRead() {
	c.handshakeMu.Lock()
	defer c.handshakeMu.Unlock()
	c.postHandshake()
}

// A ring whose members are re-sent only when marked for a retry, which
// the caller that holds the lock never marks: the callee's lock inside the
// loop is behind a test of its own, a path the caller may not take.
type ring struct {
	mu      sync.Mutex
	members []string
	retry   map[string]bool
}

func (r *ring) resend(string) {
	r.mu.Lock()
	defer r.mu.Unlock()
}

func (r *ring) resendMarked() {
	for _, m := range r.members {
		if r.retry[m] {
			r.resend(m)
		}
	}
}

func (r *ring) flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.retry = nil
	r.resendMarked()
}

// A dialer whose loops a path-insensitive "locked on the way round"
// check would get wrong.
type dialer struct {
	mu    sync.Mutex
	conns []int
	peers []*dialer
}

func dial(string) (int, error) { return 0, nil }

// dialAll releases the lock on the continue path too.
func (p *dialer) dialAll(addrs []string) {
	for _, a := range addrs {
		p.mu.Lock()
		c, err := dial(a)
		if err != nil {
			p.mu.Unlock()
			continue
		}
		p.conns = append(p.conns, c)
		p.mu.Unlock()
	}
}

// lockPeers locks a different peer on each iteration (the range element
// changes) and unlocks them all afterwards: lock-all, not a relock.
func (p *dialer) lockPeers() {
	for _, q := range p.peers {
		q.mu.Lock()
	}
	for _, q := range p.peers {
		q.mu.Unlock()
	}
}

// conditional locks and unlocks under the same test in each iteration:
// the path that locks and then skips the Unlock is infeasible, and the
// Lock does not run on every iteration.
func (p *dialer) conditional(addrs []string, shared bool) {
	for _, a := range addrs {
		if shared {
			p.mu.Lock()
		}
		c, _ := dial(a)
		p.conns = append(p.conns, c)
		if shared {
			p.mu.Unlock()
		}
	}
}

// window holds the lock across the loop and drops it around the slow
// step: each Lock follows its own Unlock.
func (p *dialer) window(addrs []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, a := range addrs {
		p.mu.Unlock()
		c, _ := dial(a)
		p.mu.Lock()
		p.conns = append(p.conns, c)
	}
}

// untilReady leaves the loop holding the lock; every path that goes
// round again unlocks first.
func (p *dialer) untilReady(addr string) {
	for {
		p.mu.Lock()
		if len(p.conns) > 0 {
			break
		}
		p.mu.Unlock()
		c, _ := dial(addr)
		p.conns = append(p.conns, c)
	}
	p.mu.Unlock()
}

// stripes locks stripe i on each iteration, a different one each time.
func (p *dialer) stripes(locks []sync.Mutex) {
	for i := range locks {
		locks[i].Lock()
		if i%2 == 0 {
			continue
		}
		locks[i].Unlock()
	}
}
