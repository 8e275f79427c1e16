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

// wal.tail is called with the lock held by every caller but Name.
type wal struct {
	mu    sync.Mutex
	files []string
}

func (w *wal) tail() string {
	return w.files[len(w.files)-1] // want `w.files is read without holding w.mu`
}

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

func (w *wal) Name() string { return w.tail() }

func (w *wal) empty() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files == nil
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

// startNamed hands the value in its named result to a goroutine before
// filling it in.
func startNamed(names []string) (w *wal) {
	w = &wal{}
	go w.sync()
	w.files = names // want `\(wal\).files is written without holding`
	return w
}

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

func defaultSettings() *settings { return &settings{timeout: 30} }

// sharedDefaults hands the constructor's fresh value to a goroutine, then
// reads it without the lock.
func sharedDefaults() int {
	def := defaultSettings()
	go def.setTimeout(1)
	return def.timeout // want `\(settings\).timeout is read without holding`
}
