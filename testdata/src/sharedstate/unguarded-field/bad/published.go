package bad

import "sync"

// tally is shared with a goroutine before main resets it: the textbook
// race of issue #22 (a write after the value was handed to a goroutine is
// not initialisation).
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

func (t *tally) Reset() {
	t.n = 0 // want `t.n is written without holding t.mu`
}

func resetAfterStart() int {
	t := &tally{}
	go t.Inc()
	t.Reset()
	return t.Get()
}

// NewsCount is not a constructor: it returns a count, not a new value.
type feed struct {
	mu   sync.Mutex
	news []string
}

func (f *feed) add(s string) {
	f.mu.Lock()
	f.news = append(f.news, s)
	f.mu.Unlock()
}

func (f *feed) latest() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.news[len(f.news)-1]
}

func NewsCount(f *feed) int {
	return len(f.news) // want `f.news is read without holding f.mu`
}

// revStore: the unlocked read in bump holds the batch lock, but one
// write (reset) does not hold it, so the batch lock is not the field's.
type batch struct{ sync.Mutex }

type revStore struct {
	revMu sync.RWMutex
	rev   int64
	tx    *batch
}

func (s *revStore) bump() {
	s.tx.Lock()
	r := s.rev + 1 // want `s.rev is read without holding s.revMu`
	s.revMu.Lock()
	s.rev = r
	s.revMu.Unlock()
	s.tx.Unlock()
}

func (s *revStore) reset() {
	s.revMu.Lock()
	s.rev = 0
	s.revMu.Unlock()
}

func (s *revStore) Rev() int64 {
	s.revMu.RLock()
	defer s.revMu.RUnlock()
	return s.rev
}

// gauge.peek: a prose comment explaining why no lock is needed is not an
// exemption a tool can check (issue #23); only a directive or a
// +checklocksignore annotation is (see good/published.go's gate.peek).
type gauge struct {
	mu  sync.Mutex
	val int
}

func (g *gauge) Set(v int) {
	g.mu.Lock()
	g.val = v
	g.mu.Unlock()
}

func (g *gauge) Add(d int) {
	g.mu.Lock()
	g.val += d
	g.mu.Unlock()
}

func (g *gauge) Get() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.val
}

func (g *gauge) Peek() int {
	// No need to lock: a stale answer only delays the next poll.
	return g.val // want `g.val is read without holding g.mu`
}

// Safe: the word "safe" near the access is prose too.
func (g *gauge) Stale() int {
	// safe to read without the lock, it is only a hint
	return g.val // want `g.val is read without holding g.mu`
}

// ValueWithLock and IsLocked are not the ...Locked convention (a capital
// L after a lower-case stem, not a predicate "is locked"): their callers
// need not hold l.mu, so their reads are reported. On the corpus
// ...WithLock names the variant that takes the lock itself.
type latch struct {
	mu  sync.Mutex
	set bool
}

func (l *latch) Set() {
	l.mu.Lock()
	l.set = true
	l.mu.Unlock()
}

func (l *latch) Clear() {
	l.mu.Lock()
	l.set = false
	l.mu.Unlock()
}

func (l *latch) Toggle() {
	l.mu.Lock()
	l.set = !l.set
	l.mu.Unlock()
}

func (l *latch) ValueWithLock() bool {
	return l.set // want `l.set is read without holding l.mu`
}

func (l *latch) IsLocked() bool {
	return l.set // want `l.set is read without holding l.mu`
}

// ledger.Reset's doc names the lock only in a defect note: a BUG paragraph
// says what is wrong, it states no contract (held-doc in
// analyzers/internal/meta/heuristics; the good side is good/published.go's
// ledger.Flush, whose doc does).
type ledger struct {
	mu      sync.Mutex
	pending []int
}

func (l *ledger) Add(n int) {
	l.mu.Lock()
	l.pending = append(l.pending, n)
	l.mu.Unlock()
}

func (l *ledger) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.pending)
}

// Reset empties the ledger.
//
// BUG: the caller should hold l.mu, and nothing makes sure it does.
func (l *ledger) Reset() {
	l.pending = nil // want `l.pending is written without holding l.mu`
}
