// Package bad holds sends that block forever once their receiver has
// given up.
package bad

import (
	"context"
	"time"
)

type strategy struct {
	timer *time.Timer
	every time.Duration
	reset chan struct{}
}

func newStrategy() *strategy {
	return &strategy{timer: time.NewTimer(time.Second), every: time.Second, reset: make(chan struct{})}
}

// The change handler resets the timer loop through a plain send; once the
// loop has returned on ctx.Done, the next change blocks forever. Modelled
// on istio/istio#18454 (the galley processor's OnChange blocked on
// resetChan after the strategy's event loop had stopped).
func (s *strategy) onChange() {
	s.reset <- struct{}{} // want `goroutine sends on strategy.reset with no way to give up, but every receiver stops receiving for good`
}

func (s *strategy) loop(ctx context.Context) {
	for {
		select {
		case <-s.timer.C:
		case <-s.reset:
			s.timer.Reset(s.every)
		case <-ctx.Done():
			s.timer.Stop()
			return
		}
	}
}

func (s *strategy) start(ctx context.Context) { go s.loop(ctx) }

type server struct {
	requests chan string
	quit     chan struct{}
}

func newServer() *server {
	return &server{requests: make(chan string), quit: make(chan struct{})}
}

// A request sent after Close hangs the caller: the serving loop returns on
// quit, which is only ever closed.
func (s *server) submit(r string) {
	s.requests <- r // want `goroutine sends on server.requests with no way to give up`
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
