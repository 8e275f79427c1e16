// Package good holds channel operations whose partner is in the package,
// or may be outside it.
package good

import (
	"os"
	"os/signal"
	"sync"
	"time"
)

type watcher struct {
	stop chan struct{}
	jobs chan int
	sigs chan os.Signal
	tick chan time.Time
}

func newWatcher() *watcher {
	w := &watcher{stop: make(chan struct{}), jobs: make(chan int), sigs: make(chan os.Signal, 1), tick: make(chan time.Time)}
	signal.Notify(w.sigs, os.Interrupt)
	go w.run()
	return w
}

// Closed in close: the receive ends.
func (w *watcher) run() {
	<-w.stop
}

func (w *watcher) close() { close(w.stop) }

// Sent on by submit, received by work.
func (w *watcher) submit(j int) { w.jobs <- j }

func (w *watcher) work() {
	for j := range w.jobs {
		_ = j
	}
}

// Fed by another package: signal.Notify sends on it.
func (w *watcher) waitSignal() { <-w.sigs }

// Handed to a function of another package, which may send on it.
func (w *watcher) feed(start func(chan time.Time)) {
	start(w.tick)
	<-w.tick
}

// Exported fields are other packages' to use.
type Conn struct{ Closed chan struct{} }

func (c *Conn) wait() { <-c.Closed }

type holder struct{ in chan int }

// A channel of unknown origin: the caller may send on it.
func NewHolder(in chan int) *holder { return &holder{in: in} }

func (h *holder) next() int { return <-h.in }

type optional struct{ events chan int }

// A select with a default does not block.
func (o *optional) poll() bool {
	select {
	case <-o.events:
		return true
	default:
		return false
	}
}

func newOptional() *optional { return &optional{events: make(chan int)} }

type plugin struct {
	mu        sync.Mutex
	activated *sync.Cond
	ready     bool
}

func newPlugin() *plugin {
	p := &plugin{}
	p.activated = sync.NewCond(&p.mu)
	return p
}

// Broadcast when the state changes: the standard use, Wait under the
// condition's own lock.
func (p *plugin) waitActive() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for !p.ready {
		p.activated.Wait()
	}
}

func (p *plugin) activate() {
	p.mu.Lock()
	p.ready = true
	p.mu.Unlock()
	p.activated.Broadcast()
}

type shared struct{ cond *sync.Cond }

// A condition variable handed to another package's function, which may
// signal it.
func (s *shared) wait(register func(*sync.Cond)) {
	register(s.cond)
	s.cond.L.Lock()
	s.cond.Wait()
	s.cond.L.Unlock()
}

func newShared() *shared { return &shared{cond: sync.NewCond(&sync.Mutex{})} }

type toApply struct{ notify chan struct{} }

// The channel is made into a local variable, stored in the struct and fed
// through the local: the field and the local are one channel (etcd-io/etcd
// server/etcdserver/raft.go's toApply.notifyc, a false positive on the
// application corpus).
func start(out chan *toApply) {
	notify := make(chan struct{}, 1)
	out <- &toApply{notify: notify}
	notify <- struct{}{}
}

func apply(a *toApply) {
	<-a.notify
}

// Lister is what callers in other packages get.
type Lister interface{ Names() <-chan string }

type lister struct{ names chan string }

// The channel leaves through an exported method of an unexported type that
// is handed out as an interface: its receivers are the callers (nats.go
// jetstream kvLister.Name, a false positive on the library corpus).
func NewLister(all []string) Lister {
	l := &lister{names: make(chan string)}
	go func() {
		defer close(l.names)
		for _, n := range all {
			l.names <- n
		}
	}()
	return l
}

func (l *lister) Names() <-chan string { return l.names }

// Stopper hands its channels out; what other packages can do with them
// depends on the direction they get.
type Stopper struct {
	quiesce chan struct{}
	done    chan struct{}
	ext     chan struct{}
}

// NewStopper makes quiesce and done; ext comes from the caller.
func NewStopper(ext chan struct{}) *Stopper {
	return &Stopper{quiesce: make(chan struct{}), done: make(chan struct{}), ext: ext}
}

// ShouldQuiesce is receive-only, but Stop closes the channel.
func (s *Stopper) ShouldQuiesce() <-chan struct{} {
	if s == nil {
		return nil
	}
	return s.quiesce
}

// Stop closes quiesce: the receive in process ends.
func (s *Stopper) Stop() { close(s.quiesce) }

// Done hands the channel out both ways: another package may close it.
func (s *Stopper) Done() chan struct{} { return s.done }

// External returns a channel of unknown origin receive-only: whoever made
// it may close it.
func (s *Stopper) External() <-chan struct{} { return s.ext }

type queue struct{ stopper *Stopper }

// Stop closes the channel.
func (q *queue) process() { <-q.stopper.ShouldQuiesce() }

// Another package can close what Done returns.
func (q *queue) waitDone() { <-q.stopper.done }

// The caller of NewStopper made ext and may close it.
func (q *queue) waitExt() { <-q.stopper.External() }

// rows' buffer is sized by its caller; a method of the same type drains it.
type rows struct{ data chan int }

func newRows(size int) *rows { return &rows{data: make(chan int, size)} }

func (r *rows) push(v int) { r.data <- v }

func (r *rows) next() (int, bool) {
	v, ok := <-r.data
	return v, ok
}

// feed's buffer is sized by its caller and handed out receive-only by an
// exported getter: its readers are in other packages.
type feed struct{ events chan int }

func newFeed(size int) *feed { return &feed{events: make(chan int, size)} }

func (f *feed) publish(v int) { f.events <- v }

// Events is where other packages read.
func (f *feed) Events() <-chan int { return f.events }

// pending's buffer is sized by its caller and sends give up when it is
// full (a select with a default): no send can block.
type pending struct{ marks chan struct{} }

func newPending(n int) *pending { return &pending{marks: make(chan struct{}, n)} }

func (p *pending) mark() {
	select {
	case p.marks <- struct{}{}:
	default:
	}
}

// job's output channel is replaced on every run and read through the
// local variable it was made into: the field and the local are one
// channel, so the sends have a receiver.
type job struct{ out chan int }

func (j *job) run(n int) int {
	ch := make(chan int, n)
	j.out = ch
	go j.produce()
	sum := 0
	for v := range ch {
		sum += v
	}
	return sum
}

func (j *job) produce() {
	defer close(j.out)
	j.out <- 1
}

// tally's buffer is sized to the sends it takes and only counted: its
// length is the result, nothing needs to receive.
type tally struct{ failures chan struct{} }

func newTally(n int) *tally { return &tally{failures: make(chan struct{}, n)} }

func (t *tally) fail() { t.failures <- struct{}{} }

func (t *tally) count() int { return len(t.failures) }

// A channel made in the function with one slot per send, counted after.
func countErrors(jobs []func() error) int {
	errs := make(chan error, len(jobs))
	for _, j := range jobs {
		if err := j(); err != nil {
			errs <- err
		}
	}
	return len(errs)
}
