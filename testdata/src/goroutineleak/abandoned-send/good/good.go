// Package good holds sends whose receivers keep receiving, or that can
// give up themselves.
package good

import (
	"context"
	"time"
)

type server struct {
	requests chan string
	replies  chan string
	updates  chan int
	quit     chan struct{}
	pause    chan struct{}
	buffered chan int
}

func newServer() *server {
	return &server{
		requests: make(chan string),
		replies:  make(chan string),
		updates:  make(chan int),
		quit:     make(chan struct{}),
		pause:    make(chan struct{}),
		buffered: make(chan int, 8),
	}
}

// The sender selects on quit too: it gives up with the receiver.
func (s *server) submit(r string) {
	select {
	case s.requests <- r:
	case <-s.quit:
	}
}

func (s *server) serve() {
	for {
		select {
		case r := <-s.requests:
			_ = r
		case <-s.quit:
			return
		}
	}
}

func (s *server) close() { close(s.quit) }

// The receiver gives up only on a timer: it may be called again and
// receive the next reply.
func (s *server) reply(r string) { s.replies <- r }

func (s *server) await() (string, bool) {
	select {
	case r := <-s.replies:
		return r, true
	case <-time.After(time.Second):
		return "", false
	}
}

// A receiver that waits with a plain receive as well as in a select.
func (s *server) update(v int) { s.updates <- v }

func (s *server) watch(ctx context.Context) {
	for {
		select {
		case <-s.updates:
		case <-ctx.Done():
			return
		}
	}
}

func (s *server) drainUpdates() {
	for range s.updates {
	}
}

// The stop case goes round again: the receiver never leaves.
func (s *server) send(v int) { s.buffered <- v }

func (s *server) pausing(pauses chan int) {
	for {
		select {
		case <-pauses:
		case <-s.pause:
			continue
		}
	}
}

func (s *server) stopPause() { close(s.pause) }

// A buffered channel: the analysis cannot count the sends against it.
func (s *server) consume(ctx context.Context) {
	for {
		select {
		case <-s.buffered:
		case <-ctx.Done():
			return
		}
	}
}

// Processor is another package's to drive: its callers call Process and
// then Close, in that order, out of sight (jaegertracing/jaeger
// cmd/ingester/app/processor ParallelProcessor, a false positive on the
// application corpus: the consumer defers Close after its last Process).
type Processor struct {
	messages chan int
	closed   chan struct{}
}

func NewProcessor() *Processor {
	return &Processor{messages: make(chan int), closed: make(chan struct{})}
}

func (p *Processor) Start() {
	go func() {
		for {
			select {
			case m := <-p.messages:
				_ = m
			case <-p.closed:
				return
			}
		}
	}()
}

func (p *Processor) Process(m int) { p.messages <- m }

func (p *Processor) Close() { close(p.closed) }

// Pool is another package's to drive and stops on a sent request; nothing
// in the package gives up on the loop's stop, so whether callers submit
// after Stop is out of sight.
type Pool struct {
	work chan int
	stop chan struct{}
}

func NewPool() *Pool {
	p := &Pool{work: make(chan int), stop: make(chan struct{})}
	go p.loop()
	return p
}

func (p *Pool) loop() {
	for {
		select {
		case w := <-p.work:
			_ = w
		case <-p.stop:
			return
		}
	}
}

func (p *Pool) Submit(w int) { p.work <- w }

func (p *Pool) Stop() { p.stop <- struct{}{} }

// The loop leaves on an error value, not a stop request: whether an error
// ever arrives is the data's business.
type pump struct {
	items chan int
	errs  chan error
}

func newPump() *pump {
	p := &pump{items: make(chan int), errs: make(chan error)}
	go p.loop()
	return p
}

func (p *pump) loop() {
	for {
		select {
		case i := <-p.items:
			_ = i
		case err := <-p.errs:
			_ = err
			return
		}
	}
}

func (p *pump) put(i int) { p.items <- i }

func (p *pump) fail(err error) { p.errs <- err }
