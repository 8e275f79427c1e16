// Package bad holds values whose Start method begins a goroutine that ends
// only when Stop is called, dropped on a path that never calls Stop.
package bad

import "errors"

// pump copies items from feed in a goroutine until quit is closed. The
// contract, as for many Start/Stop types: every started pump is stopped
// once. The shape is the "method contract violation" leak pattern of the
// Go runtime's goroutine leak profile tests (runtime/testdata/
// testgoroutineleakprofile), itself taken from Uber's study of leaks in
// its Go services (Saioc et al., CGO 2024).
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

// The pump is used and dropped: nothing stops it.
func drain(items []int) {
	p := pump{feed: make(chan int), quit: make(chan struct{})}
	p.Start() // want `p.Start starts a goroutine \(line 19\) that returns only once pump.quit is closed or sent on, as Stop does, but the path returning at line 41 does not call it`
	for _, v := range items {
		p.Push(v)
	}
}

// ticker is started through a pointer; its loop is a method.
type ticker struct {
	stop chan bool
	n    int
}

func (t *ticker) Run() { go t.loop() }

func (t *ticker) loop() {
	for {
		select {
		case <-t.stop:
			return
		default:
			t.n++
		}
	}
}

func (t *ticker) Close() error {
	t.stop <- true
	return nil
}

// The error path returns before Close: the goroutine spins forever.
func measure(fail bool) error {
	t := &ticker{stop: make(chan bool)}
	t.Run() // want `t.Run starts a goroutine \(line 49\) that returns only once ticker.stop is closed or sent on, as Close does, but the path returning at line 72 does not call it`
	if fail {
		return errors.New("failed")
	}
	return t.Close()
}

type worker struct{ done chan struct{} }

func (w *worker) wait() {
	<-w.done
}

func (w *worker) finish() { close(w.done) }

// The goroutine is started by the function itself.
func each(jobs []func()) {
	w := &worker{done: make(chan struct{})}
	go w.wait() // want `go w.wait starts a goroutine \(line 88\) that returns only once worker.done is closed or sent on, as finish does, but the path returning at line 92 does not call it`
	for _, j := range jobs {
		j()
	}
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

// The constructor started the goroutine; the early return forgets Close.
func probe(ok bool) int {
	p := newPoller() // want `newPoller starts a goroutine \(line 102\) that returns only once poller.stop is closed or sent on, as Close does, but the path returning at line 123 does not call it`
	if !ok {
		return 0
	}
	defer p.Close()
	return p.hits
}
