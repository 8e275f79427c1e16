// Package good holds Start/Stop pairs a naive checker would report.
package good

import (
	"context"
	"log"
)

type pump struct {
	feed chan int
	quit chan struct{}
}

func (p pump) Start() {
	go func() {
		for {
			select {
			case <-p.feed:
			case <-p.quit:
				return
			}
		}
	}()
}

func (p pump) Stop() { close(p.quit) }

func (p pump) Push(v int) { p.feed <- v }

// Stop is deferred right after Start.
func deferred(items []int) {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	defer p.Stop()
	for _, v := range items {
		p.Push(v)
	}
}

// Stop in a deferred closure.
func deferredClosure(items []int) {
	p := &pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	defer func() { p.Stop() }()
	for _, v := range items {
		p.Push(v)
	}
}

// Every path stops it, the early one included.
func everyPath(items []int) {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	if len(items) == 0 {
		p.Stop()
		return
	}
	p.Push(items[0])
	p.Stop()
}

// The function closes the channel itself.
func closedHere() {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	close(p.quit)
}

// Returned: the caller owns the Stop.
func newPump() *pump {
	p := &pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	return p
}

type server struct{ p *pump }

// Stored in a field: whoever closes the server stops it.
func (s *server) open() {
	p := &pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	s.p = p
}

var pumps []pump

// Kept in a package-level list.
func register() {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	pumps = append(pumps, p)
}

// The quit channel comes from the caller, who may close it.
func shared(quit chan struct{}) {
	p := pump{feed: make(chan int), quit: quit}
	p.Start()
}

// The channel is handed out: the caller may close it.
func handedOut() chan struct{} {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	return p.quit
}

// A fatal path ends the program: nothing is left to leak.
func fatal(ok bool) {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start()
	if !ok {
		log.Fatal("not ok")
	}
	p.Stop()
}

// loop can also end on its context: it does not depend on Stop.
type watcher struct{ stop chan struct{} }

func (w *watcher) Start(ctx context.Context) {
	go func() {
		select {
		case <-w.stop:
		case <-ctx.Done():
		}
	}()
}

func (w *watcher) Stop() { close(w.stop) }

func withContext(ctx context.Context) {
	w := &watcher{stop: make(chan struct{})}
	w.Start(ctx)
}

// Stop through a helper method that does the closing.
type closer struct{ done chan struct{} }

func (c *closer) Start() {
	go func() {
		<-c.done
	}()
}

func (c *closer) Close() { c.shutdown() }

func (c *closer) shutdown() { close(c.done) }

func viaHelper() {
	c := &closer{done: make(chan struct{})}
	c.Start()
	c.Close()
}

// A method that registers its receiver elsewhere: someone else may stop it.
var live []*closer

func (c *closer) track() { live = append(live, c) }

func tracked() {
	c := &closer{done: make(chan struct{})}
	c.Start()
	c.track()
}

// The goroutine ends on its own: it does not wait for the channel at all.
type once struct {
	out  chan int
	quit chan struct{}
}

func (o *once) Start() {
	go func() {
		select {
		case o.out <- 1:
		default:
		}
	}()
}

func (o *once) Stop() { close(o.quit) }

func ownEnd() {
	o := &once{out: make(chan int), quit: make(chan struct{})}
	o.Start()
}

// A goroutine with no way out at all is no-exit's business, not a missing Stop.
type spinner struct{ quit chan struct{} }

func (s *spinner) Start() {
	go func() {
		for {
			<-s.quit
		}
	}()
}

func (s *spinner) Stop() { close(s.quit) }

func spin() {
	s := &spinner{quit: make(chan struct{})}
	s.Start()
}

// poller is started by its constructor.
type poller struct {
	stop chan struct{}
	hits int
}

func newPoller() *poller {
	p := &poller{stop: make(chan struct{})}
	go p.loop()
	return p
}

func (p *poller) loop() {
	for {
		select {
		case <-p.stop:
			return
		default:
			p.hits++
		}
	}
}

func (p *poller) Close() { close(p.stop) }

// Closed on every path.
func probe() int {
	p := newPoller()
	defer p.Close()
	return p.hits
}

// Handed to the caller.
func open() *poller {
	p := newPoller()
	return p
}

type holder struct{ p *poller }

// Kept in a field.
func (h *holder) attach() { h.p = newPoller() }

// A constructor that also keeps the object: someone else owns the Close.
var all []*poller

func newTracked() *poller {
	p := &poller{stop: make(chan struct{})}
	all = append(all, p)
	go p.loop()
	return p
}

func trackedPoller() { newTracked() }
