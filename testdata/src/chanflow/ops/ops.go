// Package ops checks the classes and escapes of chanflow's operation
// index; the test analyzer reports each operation as kind(class) closed|open.
package ops

import "sync"

type server struct {
	reqs chan int
	quit chan struct{}
	wg   sync.WaitGroup
	out  chan int
}

func newServer() *server {
	return &server{reqs: make(chan int), quit: make(chan struct{})}
}

// A field, through a method and an accessor.
func (s *server) submit(v int) {
	s.reqs <- v // want `send\(chanflow/ops.server.reqs\) closed`
}

func (s *server) requests() chan int { return s.reqs }

func (s *server) serve() {
	defer s.wg.Done() // want `done\(chanflow/ops.server.wg\)`
	for {
		select { // want `recv\(chanflow/ops.server.reqs\) closed` `recv\(chanflow/ops.server.quit\) closed`
		case <-s.requests():
		case <-s.quit:
			return
		}
	}
}

func (s *server) stop() {
	close(s.quit) // want `close\(chanflow/ops.server.quit\) closed`
	s.wg.Wait()   // want `wait\(chanflow/ops.server.wg\)`
}

// A channel made here and handed to a goroutine as an argument.
func pipe() int {
	ch := make(chan int)
	go produce(ch)
	return <-ch // want `recv\(chanflow/ops.make@\d+\) closed`
}

func produce(ch chan int) {
	ch <- 1 // want `send\(chanflow/ops.make@\d+\) closed`
}

// A channel of unknown origin stored in a field: open.
func (s *server) attach(out chan int) {
	s.out = out
}

func (s *server) emit() {
	s.out <- 1 // want `send\(chanflow/ops.server.out\) open`
}
