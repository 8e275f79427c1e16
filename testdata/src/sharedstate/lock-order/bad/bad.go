// Package bad holds mutexes acquired in opposite orders.
package bad

import "sync"

type server struct {
	mu    sync.Mutex
	conns map[*conn]bool
}

type conn struct {
	mu     sync.Mutex
	srv    *server
	closed bool
}

// addConn: server.mu then conn.mu.
func (s *server) addConn(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.mu.Lock() // want `conn.mu is acquired here while server.mu is held`
	defer c.mu.Unlock()
	s.conns[c] = !c.closed
}

func (s *server) removeConn(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// close: conn.mu then server.mu, through removeConn; modelled on
// moby/libnetwork#1507 (the controller and service locks were taken in
// different orders on two paths).
func (c *conn) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.srv.removeConn(c) // want `server.mu is acquired here while conn.mu is held`
}

type pool struct {
	mu    sync.Mutex
	alive []*connection
}

type connection struct {
	mu     sync.Mutex
	failed int
}

// onSuccess: connection then pool; modelled on
// opensearch-project/opensearch-go#777 (OnSuccess locked the connection
// before the pool, OnFailure the pool before the connection).
func (p *pool) onSuccess(c *connection) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.failed = 0
	p.mu.Lock() // want `pool.mu is acquired here while connection.mu is held`
	p.alive = append(p.alive, c)
	p.mu.Unlock()
}

// onFailure: pool then connection.
func (p *pool) onFailure(c *connection) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c.mu.Lock() // want `connection.mu is acquired here while pool.mu is held`
	c.failed++
	c.mu.Unlock()
}

var (
	regMu  sync.Mutex
	cacheM sync.Mutex
)

// globals: regMu then cacheM, and the reverse.
func register() {
	regMu.Lock()
	defer regMu.Unlock()
	cacheM.Lock() // want `cacheM is acquired here while regMu is held`
	cacheM.Unlock()
}

func invalidate() {
	cacheM.Lock()
	defer cacheM.Unlock()
	regMu.Lock() // want `regMu is acquired here while cacheM is held`
	regMu.Unlock()
}

type gate struct{ mu sync.Mutex }

type left struct{ mu sync.Mutex }

type right struct{ mu sync.Mutex }

// viaGate takes left then right under the gate; sideways takes them the
// other way without it: the gate serialises only one side.
func viaGate(g *gate, l *left, r *right) {
	g.mu.Lock()
	l.mu.Lock()
	r.mu.Lock() // want `right.mu is acquired here while left.mu is held`
	r.mu.Unlock()
	l.mu.Unlock()
	g.mu.Unlock()
}

func sideways(l *left, r *right) {
	r.mu.Lock()
	l.mu.Lock() // want `left.mu is acquired here while right.mu is held`
	l.mu.Unlock()
	r.mu.Unlock()
}

type table struct {
	sync.RWMutex
	rows map[string]*row
}

type row struct {
	mu sync.Mutex
	n  int
}

// scan reads the table while locking each row; move locks a row, then
// writes the table: the writer waits for scan's read lock while scan waits
// for the row, one read side is enough for the cycle.
func (t *table) scan() {
	t.RLock()
	for _, r := range t.rows {
		r.mu.Lock() // want `row.mu is acquired here while table.RWMutex is held`
		r.n++
		r.mu.Unlock()
	}
	t.RUnlock()
}

func (t *table) move(r *row, k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t.Lock() // want `table.RWMutex is acquired here while row.mu is held`
	t.rows[k] = r
	t.Unlock()
}

type deviceSet struct {
	sync.Mutex
	devices map[string]*device
}

type device struct {
	lock sync.Mutex
	name string
}

// remove takes the set, then the device, then waitRemoved drops and
// retakes the set while the device stays locked: a second remove holding
// the set waits for the device, the first waits for the set; modelled on
// moby/moby#4951 (devmapper's DeleteDevice and removeDeviceAndWait).
func (s *deviceSet) remove(name string) {
	s.Lock()
	defer s.Unlock()
	d := s.devices[name]
	d.lock.Lock() // want `device.lock is acquired here while deviceSet.Mutex is held`
	defer d.lock.Unlock()
	s.waitRemoved(d.name) // want `deviceSet.Mutex is released and taken again inside waitRemoved here while device.lock is held`
}

// waitRemoved is entered with the set locked and unlocks it while it
// waits.
func (s *deviceSet) waitRemoved(name string) {
	s.Unlock()
	delete(s.devices, name)
	s.Lock()
}

// hub keeps its outgoing batch under a mutex embedded in an anonymous
// struct field, and its members in a map.
type hub struct {
	outbox struct {
		sync.Mutex
		msgs []string
	}
	members map[string]*member
}

type member struct {
	mu  sync.Mutex
	hub *hub
}

// flush holds the hub's outbox while it notifies each member, found in the
// map, and notify locks the member; post holds its member and takes the
// hub's outbox: flush and post deadlock (AB/BA), though flush never names
// the member it locks. Modelled on cockroachdb/cockroach#10214
// (coalesced heartbeats sent under the store's lock, queued under the
// replica's).
func (h *hub) flush() {
	h.outbox.Lock()
	defer h.outbox.Unlock()
	h.notify("all") // want `member.mu is acquired here while hub.outbox.Mutex is held`
}

func (h *hub) notify(name string) {
	m := h.members[name]
	m.wake()
}

func (m *member) wake() {
	m.mu.Lock()
	defer m.mu.Unlock()
}

func (m *member) post(msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.hub.outbox.Lock() // want `hub.outbox.Mutex is acquired here while member.mu is held`
	m.hub.outbox.msgs = append(m.hub.outbox.msgs, msg)
	m.hub.outbox.Unlock()
}

// A store whose queued heartbeats go to every replica it holds in a map,
// each replica locked in a loop two calls down.
type store struct {
	coalescedMu struct {
		sync.Mutex
		pending []int
	}
	replicas map[int]*replica
}

type replica struct {
	raftMu sync.Mutex
	store  *store
}

// sendQueued holds the store's coalesced lock while it reports to each
// replica, whose raftMu the callee takes in a loop; tick holds raftMu and,
// in a loop, queues a heartbeat under the coalesced lock. Modelled on
// cockroachdb/cockroach#10214 (sendQueuedHeartbeats held coalescedMu and
// reached Replica.raftMu; Replica.tick held raftMu and reached
// coalescedMu).
func (s *store) sendQueued() {
	s.coalescedMu.Lock()
	defer s.coalescedMu.Unlock()
	for range s.coalescedMu.pending {
		s.reportAll() // want `replica.raftMu is acquired here while store.coalescedMu.Mutex is held`
	}
}

func (s *store) reportAll() {
	for i := 0; i < len(s.replicas); i++ {
		s.replicas[i].unreachable()
	}
}

func (r *replica) unreachable() {
	r.raftMu.Lock()
	defer r.raftMu.Unlock()
}

func (r *replica) tick() {
	r.raftMu.Lock()
	defer r.raftMu.Unlock()
	r.quiesce() // want `store.coalescedMu.Mutex is acquired here while replica.raftMu is held`
}

func (r *replica) quiesce() bool {
	for i := 0; i < 2; i++ {
		if !r.coalesce() {
			return true
		}
	}
	return false
}

func (r *replica) coalesce() bool {
	r.store.coalescedMu.Lock()
	defer r.store.coalescedMu.Unlock()
	r.store.coalescedMu.pending = append(r.store.coalescedMu.pending, 1)
	return true
}
