// Package good holds lock acquisitions in one consistent order.
package good

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
	c.mu.Lock()
	defer c.mu.Unlock()
	s.conns[c] = !c.closed
}

func (s *server) removeConn(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// close releases conn.mu before taking server.mu.
func (c *conn) close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.srv.removeConn(c)
}

// closeSameOrder takes server.mu first, like addConn.
func (c *conn) closeSameOrder() {
	c.srv.mu.Lock()
	defer c.srv.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.srv.conns, c)
}

type node struct {
	mu       sync.Mutex
	children []*node
	val      int
}

// tree: parent then child, two instances of one class.
func (n *node) sum() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	total := n.val
	for _, c := range n.children {
		c.mu.Lock()
		total += c.val
		c.mu.Unlock()
	}
	return total
}

type a struct {
	mu sync.RWMutex
	v  int
}

type b struct {
	mu sync.RWMutex
	v  int
}

// readRead: two read locks in opposite orders cannot deadlock each other.
func readAB(x *a, y *b) int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	y.mu.RLock()
	defer y.mu.RUnlock()
	return x.v + y.v
}

func readBA(x *a, y *b) int {
	y.mu.RLock()
	defer y.mu.RUnlock()
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.v - y.v
}

// tryLock: a TryLock never waits, so it cannot close a cycle.
func tryBA(x *a, y *b) bool {
	y.mu.Lock()
	defer y.mu.Unlock()
	if !x.mu.TryLock() {
		return false
	}
	x.v = y.v
	x.mu.Unlock()
	return true
}

func writeAB(x *a, y *b) {
	x.mu.Lock()
	defer x.mu.Unlock()
	y.mu.Lock()
	defer y.mu.Unlock()
	y.v = x.v
}

type config struct {
	mu      sync.Mutex
	headers map[string]string
}

type client struct {
	mu      sync.Mutex
	headers map[string]string
	cfg     *config
}

func (c *client) addHeader(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.headers[k] = v
}

// newClient holds the config's lock while filling in a client nobody else
// can see yet (modelled on the false positive in vault/api's NewClient).
func newClient(cfg *config) *client {
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	c := &client{headers: map[string]string{}, cfg: cfg}
	for k, v := range cfg.headers {
		c.addHeader(k, v)
	}
	return c
}

// setHeaders: client then config, on a published client.
func (c *client) setHeaders(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cfg.mu.Lock()
	defer c.cfg.mu.Unlock()
	c.cfg.headers[k] = v
}

type connection struct {
	mu     sync.Mutex
	subsMu sync.RWMutex
	subs   map[int]*subscription
}

type subscription struct {
	mu   sync.Mutex
	conn *connection
	sid  int
}

// rewire: subsMu then sub.mu.
func (c *connection) rewire(s *subscription) {
	c.subsMu.RLock()
	s.mu.Lock()
	c.subs[s.sid] = s
	s.mu.Unlock()
	c.subsMu.RUnlock()
}

// applyNewSID is entered with sub.mu held and drops it before taking
// subsMu, precisely to keep the order (modelled on the false positive in
// nats.go's Subscription.applyNewSID).
func (s *subscription) applyNewSID() {
	c := s.conn
	s.mu.Unlock()
	c.subsMu.Lock()
	delete(c.subs, s.sid)
	s.sid++
	c.subs[s.sid] = s
	c.subsMu.Unlock()
	s.mu.Lock()
}

func (s *subscription) deliver() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applyNewSID()
}

type stripe struct{ sync.RWMutex }

type entry struct {
	mu sync.Mutex
	n  int
}

type table struct {
	locks []stripe
	items [][]*entry
}

// collect copies a stripe under its read lock, retrying when the buffer
// was too small (a break out of the range loop), and locks the entries
// only after the stripe is released: stripe i's lock is the same lock at
// RLock and RUnlock however often locks[i] is recomputed (modelled on the
// false positive in a TSDB head's per-stripe chunk mapping).
func (t *table) collect(i, size int) int {
	buf := make([]*entry, 0, size)
	for {
		overflow := false
		t.locks[i].RLock()
		for _, e := range t.items[i] {
			if len(buf) == cap(buf) {
				overflow = true
				break
			}
			buf = append(buf, e)
		}
		t.locks[i].RUnlock()
		if !overflow {
			break
		}
		buf = make([]*entry, 0, 2*cap(buf))
	}
	n := 0
	for _, e := range buf {
		e.mu.Lock()
		n += e.n
		e.mu.Unlock()
	}
	return n
}

// drop locks an entry, then its stripe.
func (t *table) drop(e *entry, i int) {
	e.mu.Lock()
	t.locks[i].Lock()
	t.items[i] = t.items[i][:0]
	t.locks[i].Unlock()
	e.mu.Unlock()
}

type series struct {
	sync.Mutex
	stale bool
}

type seriesSet struct {
	gcMu   sync.Mutex
	stripe []stripe
	byHash [][]*series
}

// gc takes a hash stripe, then a series, then (inside check) the series'
// ref stripe; the other order (series, then stripe) appears within the
// same pass only. Both orders run under gcMu, held around the whole pass,
// so two of them never overlap (modelled on the false positive in a TSDB
// agent's series GC, documented as serialised by its GC mutex).
func (s *seriesSet) gc(refStripe func(*series) int) {
	s.gcMu.Lock()
	defer s.gcMu.Unlock()
	check := func(hash int, sr *series) {
		sr.Lock()
		if ref := refStripe(sr); ref != hash {
			s.stripe[ref].Lock()
			sr.stale = true
			s.stripe[ref].Unlock()
		}
		sr.Unlock()
	}
	for i := range s.stripe {
		s.stripe[i].Lock()
		for _, sr := range s.byHash[i] {
			check(i, sr)
		}
		s.stripe[i].Unlock()
	}
}

type hub struct {
	sync.RWMutex
	in  map[string]*peer
	out []*peer
}

type peer struct {
	mu    sync.Mutex
	queue [][]byte
}

type node2 struct {
	hub hub
}

// broadcast holds the hub for reading while it locks each inbound peer.
func (n *node2) broadcast(msg []byte) {
	n.hub.RLock()
	for _, p := range n.hub.in {
		p.mu.Lock()
		p.queue = append(p.queue, msg)
		p.mu.Unlock()
	}
	n.hub.RUnlock()
}

// outbound copies the outbound peers under the hub's read lock.
func (n *node2) outbound(dst *[]*peer) {
	n.hub.RLock()
	*dst = append(*dst, n.hub.out...)
	n.hub.RUnlock()
}

// addPeer is the hub's writer.
func (n *node2) addPeer(name string, p *peer) {
	n.hub.Lock()
	n.hub.in[name] = p
	n.hub.Unlock()
}

// initPeer reads the hub while holding a peer's lock, the reverse of
// broadcast; but both sides take the hub for reading, and two readers
// never wait for each other: the pair closes only if a writer queues on
// the hub in between and the two peers are one object, which nothing here
// shows (modelled on the false positive in nats-server, where a leaf
// connection's lock is held while reading the gateway table, and the
// gateway table is read while locking inbound gateway connections).
func (n *node2) initPeer(p *peer) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var peers []*peer
	n.outbound(&peers)
	p.queue = append(p.queue, []byte{byte(len(peers))})
}

type queue struct {
	sync.Mutex
	items []int
	ready chan struct{}
}

type owner struct {
	mu sync.Mutex
	q  *queue
}

// waitReady drops and retakes the queue's lock (a condition wait's shape).
func (q *queue) waitReady() {
	q.Unlock()
	<-q.ready
	q.Lock()
}

// take retakes the queue's lock inside waitReady while holding the
// owner's, which it took first: owner before queue, the one order.
func (o *owner) take() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.q.Lock()
	defer o.q.Unlock()
	for len(o.q.items) == 0 {
		o.q.waitReady()
	}
	return o.q.items[0]
}

// relay keeps its outgoing batch under a mutex embedded in an anonymous
// struct field, and its listeners in a map.
type relay struct {
	outbox struct {
		sync.Mutex
		msgs []string
	}
	listeners map[string]*listener
}

type listener struct {
	mu    sync.Mutex
	relay *relay
}

// welcome holds the outbox while it locks a listener it has just made in
// a callee: no other goroutine can hold that listener yet, so post's
// opposite order cannot meet it.
func (h *relay) welcome(name string) {
	h.outbox.Lock()
	defer h.outbox.Unlock()
	h.listeners[name] = h.newListener()
}

func (h *relay) newListener() *listener {
	m := &listener{relay: h}
	m.mu.Lock()
	m.relay = h
	m.mu.Unlock()
	return m
}

// flush copies the listeners under the outbox lock and notifies them after
// releasing it: the listener's lock is never taken under the outbox.
func (h *relay) flush() {
	h.outbox.Lock()
	names := make([]string, 0, len(h.listeners))
	for name := range h.listeners {
		names = append(names, name)
	}
	h.outbox.Unlock()
	for _, name := range names {
		h.notify(name)
	}
}

func (h *relay) notify(name string) {
	m := h.listeners[name]
	m.wake()
}

func (m *listener) wake() {
	m.mu.Lock()
	defer m.mu.Unlock()
}

// post: listener then outbox, the one order of the package.
func (m *listener) post(msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.relay.outbox.Lock()
	m.relay.outbox.msgs = append(m.relay.outbox.msgs, msg)
	m.relay.outbox.Unlock()
}

// pool holds its listeners in a slice and locks them one at a time under
// its read lock; nothing takes the pool's lock under a listener's.
type pool struct {
	sync.RWMutex
	items []*listener
}

func (p *pool) each() {
	p.RLock()
	defer p.RUnlock()
	p.first().wake()
}

func (p *pool) first() *listener { return p.items[0] }

// A depot whose pickers lock the depot; the depot calls back into a
// picker's lock only behind a condition tested inside the loop.
type depot struct {
	mu      sync.Mutex
	pickers []*picker
	closing bool
}

type picker struct {
	mu    sync.Mutex
	depot *depot
	stale bool
}

// sweep holds the depot and, per picker, resets it only when it is stale,
// which the caller's other order (refill) rules out: a call inside a
// loop behind a condition of its own stands for a path the caller may
// never take, and is not carried up (as crypto/tls's renegotiation).
func (d *depot) sweep() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.resetStale()
}

func (d *depot) resetStale() {
	for _, p := range d.pickers {
		if p.stale {
			p.reset()
		}
	}
}

func (p *picker) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stale = false
}

// refill: picker then depot.
func (p *picker) refill() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.depot.mu.Lock()
	p.depot.closing = false
	p.depot.mu.Unlock()
}

// A switchboard W-locks its table while it locks each inbound line (an
// element it cannot name); a trunk line holds its own lock and read-locks
// the table of a switchboard it is handed separately. Both locks are of
// one class, line.mu, but the trunk is never among the inbound lines:
// modelled on the false positive in nats-server (solicitGateway locks the
// inbound gateway connections under the gateway lock, a leaf connection
// read-locks the gateway table under its own lock). An order through an
// element nobody names is only paired with a reverse order whose two
// locks hang off one object (the element's link back to its owner).
type switchboard struct {
	sync.RWMutex
	inbound map[string]*line
}

type line struct {
	mu   sync.Mutex
	name string
}

func (sb *switchboard) hasInbound(name string) bool {
	for _, l := range sb.inbound {
		l.mu.Lock()
		n := l.name
		l.mu.Unlock()
		if n == name {
			return true
		}
	}
	return false
}

func (sb *switchboard) forget(name string) {
	sb.Lock()
	defer sb.Unlock()
	if sb.hasInbound(name) {
		return
	}
	delete(sb.inbound, name)
}

func (sb *switchboard) count() int {
	sb.RLock()
	defer sb.RUnlock()
	return len(sb.inbound)
}

func trunkSync(sb *switchboard, trunk *line) int {
	trunk.mu.Lock()
	defer trunk.mu.Unlock()
	return sb.count()
}
