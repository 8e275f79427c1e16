package good

import (
	"errors"
	"sync"
)

// tally is reset before main shares it with a goroutine: initialisation
// (the good twin of issue #22's race).
type tally struct {
	mu sync.Mutex
	n  int
}

func (t *tally) Inc() {
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

func (t *tally) Get() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

func (t *tally) Reset() { t.n = 0 }

func resetBeforeStart() int {
	t := &tally{}
	t.Reset()
	go t.Inc()
	return t.Get()
}

// gate.peekLocked is a ...Locked helper: its callers hold the lock.
type gate struct {
	mu      sync.Mutex
	blocked bool
}

func (g *gate) block() {
	g.mu.Lock()
	g.blocked = true
	g.mu.Unlock()
}

func (g *gate) unblock() {
	g.mu.Lock()
	g.blocked = false
	g.mu.Unlock()
}

func (g *gate) peekLocked() bool { return g.blocked }

// peek: the author exempts the read with gVisor checklocks' machine
// annotation, which reviewlint honours as it honours //reviewlint:ignore.
func (g *gate) peek() bool {
	// A stale answer only delays the next poll. +checklocksignore
	return g.blocked
}

// poll: the function form of the annotation, in its doc comment.
//
// +checklocksignore
func (g *gate) poll() bool { return g.blocked }

// proxy's setup method fills in the map and creates the mutex that guards
// it: nobody can hold a mutex that does not exist yet (modelled on the
// false positives in caddy's reverse proxy and basic-auth Provision).
type proxy struct {
	connMu *sync.Mutex
	conns  map[int]bool
}

func (p *proxy) Provision() error {
	p.conns = make(map[int]bool)
	p.connMu = new(sync.Mutex)
	return nil
}

func (p *proxy) register(id int) {
	p.connMu.Lock()
	p.conns[id] = true
	p.connMu.Unlock()
}

func (p *proxy) count() int {
	p.connMu.Lock()
	defer p.connMu.Unlock()
	return len(p.conns)
}

// wal.tail is called with the lock held by every caller except the
// constructor, which calls it on a value nobody else has yet (modelled on
// the false positive in a write-ahead log's tail helper).
type wal struct {
	mu    sync.Mutex
	files []string
}

func (w *wal) tail() string { return w.files[len(w.files)-1] }

func openWAL(names []string) (*wal, string) {
	w := &wal{files: names}
	last := w.tail()
	return w, last
}

// save reaches tail four calls down, every one under save's lock.
func (w *wal) save() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.roll()
}

func (w *wal) roll() { w.rotate() }

func (w *wal) rotate() { _ = w.seq() }

func (w *wal) seq() int { return len(w.tail()) }

func (w *wal) cut(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.tail()
	w.files = append(w.files, name)
}

func (w *wal) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.files)
}

func (w *wal) sync() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.tail()
}

// revStore: every write of rev holds the batch lock (and revMu); the
// read in bump holds the batch lock, so no write can overlap it (modelled
// on the false positive in a key-value store's current revision, written
// only inside a batch transaction).
type batch struct{ sync.Mutex }

type revStore struct {
	revMu sync.RWMutex
	rev   int64
	tx    *batch
}

func (s *revStore) bump() {
	s.tx.Lock()
	r := s.rev + 1
	s.revMu.Lock()
	s.rev = r
	s.revMu.Unlock()
	s.tx.Unlock()
}

func (s *revStore) Rev() int64 {
	s.revMu.RLock()
	defer s.revMu.RUnlock()
	return s.rev
}

func (s *revStore) compacted() bool {
	s.revMu.RLock()
	defer s.revMu.RUnlock()
	return s.rev > 100
}

// settings: a constructor filling in defaults on a value it returns,
// whether its caller passed it or it made it (the shape of vault/api's
// NewClient, without relying on the name).
type settings struct {
	mu      sync.Mutex
	timeout int
}

func (o *settings) setTimeout(t int) {
	o.mu.Lock()
	o.timeout = t
	o.mu.Unlock()
}

func (o *settings) Timeout() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.timeout
}

func withDefaults(o *settings) *settings {
	if o == nil {
		o = &settings{}
	}
	if o.timeout == 0 {
		o.timeout = 30
	}
	return o
}

var errNoFiles = errors.New("no files")

// openNamed fills in a value held in a named result that a deferred
// cleanup captures: still nobody else's (modelled on the false positives
// in a file store's constructor, which sets its fields after deferring a
// cleanup on error).
func openNamed(names []string) (w *wal, err error) {
	w = &wal{}
	defer func() {
		if err != nil {
			w.files = nil
		}
	}()
	if len(names) == 0 {
		return nil, errNoFiles
	}
	w.files = names
	return w, nil
}

func (w *wal) renamed() (*wal, error) { return w, nil }

// createWAL fills in a new value before its variable is reassigned from
// a call: at the fill-in the variable still holds only the new value
// (modelled on the false positive in a write-ahead log's Create).
func createWAL(names []string) (*wal, error) {
	w := &wal{}
	var err error
	defer func() {
		if err != nil && w != nil {
			w.files = nil
		}
	}()
	w.files = names
	if w, err = w.renamed(); err != nil {
		return nil, err
	}
	return w, nil
}

func defaultSettings() *settings { return &settings{timeout: 30} }

// fromDefaults adjusts the fresh value a constructor of the package
// returned: nobody else has it (modelled on the false positives in
// vault/api's NewClient reading DefaultConfig()'s result).
func fromDefaults() int {
	def := defaultSettings()
	def.timeout *= 2
	return def.timeout
}

func (o *settings) scaled(n int) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.timeout * n
}

func (o *settings) bump() {
	o.mu.Lock()
	o.timeout++
	o.mu.Unlock()
}

type client struct {
	mu  sync.RWMutex
	cfg *settings
}

// clone is documented to run with both the client's and its settings'
// read locks held; its only caller holds both (modelled on the false
// positive in vault/api's Client.clone).
//
// Must be called with the read lock and the settings read lock held.
func (c *client) clone() int { return c.cfg.timeout }

func (c *client) Clone() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.cfg.mu.Lock()
	defer c.cfg.mu.Unlock()
	return c.clone()
}

// roster's mutex comment names only names: size is not declared guarded,
// and with one locked access out of two no guard is inferred, so Count's
// plain read is not reported (were size named, it would be: see bad.go's
// commented.isReady).
type roster struct {
	mu    sync.Mutex // guards names
	names []string
	size  int
}

func (r *roster) Add(n string) {
	r.mu.Lock()
	r.names = append(r.names, n)
	r.size = len(r.names)
	r.mu.Unlock()
}

func (r *roster) Count() int { return r.size }

// ledger.Flush and ledger.trim state in their docs that the caller holds
// l.mu: exported (or called from outside the package's view), so not
// every caller is seen, and not named ...Locked (nats-server's "Lock
// should be held.", grpc's "Caller must hold b.mu."; held-doc in
// analyzers/internal/meta/heuristics). The near miss is bad/published.go's
// ledger.Reset, whose doc says so only in a BUG note.
type ledger struct {
	mu      sync.Mutex
	pending []int
}

func (l *ledger) Add(n int) {
	l.mu.Lock()
	l.pending = append(l.pending, n)
	l.trim()
	l.mu.Unlock()
}

func (l *ledger) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.pending)
}

// Flush empties the ledger. Caller must hold l.mu.
func (l *ledger) Flush() {
	l.pending = nil
}

// trim drops the oldest entries beyond a hundred.
// Lock should be held.
func (l *ledger) trim() {
	if len(l.pending) > 100 {
		l.pending = l.pending[len(l.pending)-100:]
	}
}
