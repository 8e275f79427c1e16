// Package bad holds mutexes locked again while held.
package bad

import "sync"

type cache struct {
	mu sync.Mutex
	m  map[string]int
}

// Len locks c.mu.
func (c *cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Put calls Len while holding c.mu: the classic self-deadlock.
func (c *cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Len() > 100 { // want `calls Len, which locks c.mu while it is already locked \(line 20\)`
		c.m = map[string]int{}
	}
	c.m[k] = v
}

// direct: modelled on grpc/grpc-go#795 (GracefulStop locked s.mu and, when
// already draining, called Lock again instead of Unlock).
func (c *cache) direct() {
	c.mu.Lock()
	if c.m == nil {
		c.mu.Lock() // want `locks c.mu again while it is already locked`
		return
	}
	c.m["a"]++
	c.mu.Unlock()
}

type registry struct {
	mu    sync.RWMutex
	items map[string]int
}

// Get read-locks r.mu.
func (r *registry) Get(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.items[k]
}

// Set write-locks r.mu.
func (r *registry) Set(k string, v int) {
	r.mu.Lock()
	r.items[k] = v
	r.mu.Unlock()
}

// incr: modelled on etcd-io/etcd#6948 (grpcproxy's watchbroadcast methods
// called empty(), which locked the RWMutex they already held).
func (r *registry) incr(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Set(k, r.items[k]+1) // want `calls Set, which locks r.mu while it is already locked`
}

// snapshotThenSet: RLock held while calling something that Locks.
func (r *registry) snapshotThenSet(k string) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if _, ok := r.items[k]; !ok {
		r.Set(k, 0) // want `calls Set, which locks r.mu while it is already read-locked`
	}
}

// recursiveRead: modelled on cockroachdb/cockroach#52540
// (checkExecutionCanProceed held the RLock and called getFreezeStart,
// which took it again).
func (r *registry) recursiveRead(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.Get(k) * 2 // want `calls Get, which read-locks r.mu while it is already read-locked .* do not take the read lock recursively`
}

// nestedHelper: the lock is taken two calls deep.
func (r *registry) reset() {
	r.Set("", 0)
}

func (r *registry) nested() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reset() // want `calls reset, which locks r.mu`
}

var globalMu sync.Mutex
var hits int

func bump() {
	globalMu.Lock()
	hits++
	globalMu.Unlock()
}

// globalTwice: a package-level mutex taken again through a callee.
func globalTwice() {
	globalMu.Lock()
	defer globalMu.Unlock()
	if hits > 10 {
		bump() // want `calls bump, which locks globalMu`
	}
}

type server struct {
	sync.Mutex
	conns map[int]bool
}

func (s *server) removeConn(id int) {
	s.Lock()
	delete(s.conns, id)
	s.Unlock()
}

// closeAll: an embedded mutex, the callee locks it again.
func (s *server) closeAll() {
	s.Lock()
	defer s.Unlock()
	for id := range s.conns {
		s.removeConn(id) // want `calls removeConn, which locks s.Mutex`
	}
}

// afterLoop: a lock not released on the loop path is taken again.
func (c *cache) afterBranch(flag bool) {
	c.mu.Lock()
	if flag {
		c.m["x"] = 1
	}
	c.mu.Lock() // want `locks c.mu again`
	c.mu.Unlock()
}

type logging struct {
	mu   sync.Mutex
	file *int
}

func (l *logging) exit(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	_ = err
}

func (l *logging) create() error { return nil }

// outputLogEntry: modelled on cockroachdb/cockroach#9935 (outputLogEntry
// held l.mu and, when creating the log file failed, called l.exit, which
// locks l.mu).
func (l *logging) outputLogEntry() {
	l.mu.Lock()
	if err := l.create(); err != nil {
		l.exit(err) // want `calls exit, which locks l.mu while it is already locked`
	}
	l.mu.Unlock()
}

// A ring of members flushed one by one under the ring's lock.
type ring struct {
	mu      sync.Mutex
	members []string
	sent    int
}

func (r *ring) send(string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent++
}

func (r *ring) flushAll() {
	for _, m := range r.members {
		r.send(m)
	}
}

// flush holds r.mu and calls flushAll, whose loop locks r.mu for each
// member: the first iteration deadlocks. Modelled on etcd-io/etcd#6948
// (a method of the locked object, reached through a helper, took the
// lock again).
func (r *ring) flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.flushAll() // want `calls flushAll, which locks r.mu while it is already locked`
}

// A dialer that records its connections under p.mu, one address per
// iteration.
type dialer struct {
	mu    sync.Mutex
	conns []int
}

func dial(string) (int, error) { return 0, nil }

// dialAll: the continue after a failed dial skips the Unlock, and the
// next iteration locks p.mu again while it is still held. Modelled on
// moby/moby#7559 (the userland UDP proxy's loop continued past its
// connection-tracking lock's Unlock when a dial failed).
func (p *dialer) dialAll(addrs []string) {
	for _, a := range addrs {
		p.mu.Lock() // want `locks p.mu again on the next iteration while it is still locked`
		c, err := dial(a)
		if err != nil {
			continue
		}
		p.conns = append(p.conns, c)
		p.mu.Unlock()
	}
}

var registryMu sync.Mutex

// registerAll: a global mutex, the retry path loops back holding it.
func registerAll(names []string) {
	for i := 0; i < len(names); i++ {
		registryMu.Lock() // want `locks registryMu again on the next iteration while it is still locked`
		if names[i] == "" {
			continue
		}
		registryMu.Unlock()
	}
}
