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

// Node answers status requests on its run loop until a stop request
// arrives. Stop gives up once the loop is gone (it selects on done), so the
// package expects calls after the stop; Status does not give up and hangs.
// Modelled on etcd-io/etcd#6857 (raft node.Status blocked forever after
// Stop).
type Node struct {
	status chan chan int
	stop   chan struct{}
	done   chan struct{}
}

func NewNode() *Node {
	n := &Node{status: make(chan chan int), stop: make(chan struct{}), done: make(chan struct{})}
	go n.run()
	return n
}

func (n *Node) run() {
	for {
		select {
		case c := <-n.status:
			c <- 1
		case <-n.stop:
			close(n.done)
			return
		}
	}
}

func (n *Node) Status() int {
	c := make(chan int, 1)
	n.status <- c // want `goroutine sends on Node.status with no way to give up`
	return <-c
}

func (n *Node) Stop() {
	select {
	case n.stop <- struct{}{}:
	case <-n.done:
		return
	}
	<-n.done
}

// worker leaves its loop on a stop request that is sent, not closed: the
// next job after that blocks its sender.
type worker struct {
	jobs chan int
	quit chan struct{}
}

func newWorker() *worker {
	w := &worker{jobs: make(chan int), quit: make(chan struct{})}
	go w.loop()
	return w
}

func (w *worker) loop() {
	for {
		select {
		case j := <-w.jobs:
			_ = j
		case <-w.quit:
			return
		}
	}
}

func (w *worker) add(j int) {
	w.jobs <- j // want `goroutine sends on worker.jobs with no way to give up`
}

func (w *worker) stop() { w.quit <- struct{}{} }
