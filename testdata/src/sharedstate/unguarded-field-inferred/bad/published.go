package bad

import "sync"

// Unguarded accesses whose only evidence beyond the majority is a
// goroutine body, a value the function itself shared, or an exported
// caller calling the helper unlocked: kinds that measured below one race
// in ten on the corpus, so unguarded-field-inferred reports them.

type worker struct {
	mu      sync.Mutex
	pending []int
}

func (w *worker) push(v int) {
	w.mu.Lock()
	w.pending = append(w.pending, v)
	w.mu.Unlock()
}

func (w *worker) drain() []int {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.pending
	w.pending = nil
	return out
}

// start: a goroutine appends without the lock.
func (w *worker) start(v int) {
	go func() {
		w.pending = append(w.pending, v) // want `w.pending is (read|written) without holding w.mu`
	}()
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
