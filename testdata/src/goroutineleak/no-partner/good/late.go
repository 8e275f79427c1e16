package good

import "context"

type compactor struct{ kick chan struct{} }

func newCompactor() *compactor { return &compactor{kick: make(chan struct{})} }

// The receiver starts first: the usual order.
func (c *compactor) start(ctx context.Context) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-c.kick:
			}
		}
	}()
	c.kick <- struct{}{}
}

// A buffered channel takes the first value without a receiver.
type buffered struct{ kick chan struct{} }

func newBuffered() *buffered { return &buffered{kick: make(chan struct{}, 1)} }

func (b *buffered) start() {
	b.kick <- struct{}{}
	go func() { <-b.kick }()
}

// Another function receives too: a loop started elsewhere can take the
// first value.
type sharedIn struct{ in chan int }

func newSharedIn() *sharedIn {
	s := &sharedIn{in: make(chan int)}
	go s.loop()
	return s
}

func (s *sharedIn) loop() {
	for range s.in {
	}
}

func (s *sharedIn) push(v int) {
	s.in <- v
	go func() { <-s.in }()
}

// The literal is made on a path that does not pass the send first: on the
// else path the receiver exists before any send.
type either struct{ in chan int }

func newEither() *either { return &either{in: make(chan int)} }

func (e *either) start(first bool) {
	if first {
		e.in <- 1
	}
	go func() {
		for range e.in {
		}
	}()
}

// The literal is made before the send, inside a loop: a later iteration's
// send finds the earlier iteration's receiver.
type looped struct{ in chan int }

func newLooped() *looped { return &looped{in: make(chan int)} }

func (l *looped) start() {
	var prev func()
	for i := 0; i < 3; i++ {
		if prev != nil {
			l.in <- i
		}
		prev = func() { <-l.in }
		go prev()
	}
}

// A send in a literal made after the receiver's literal started.
type nested struct{ in chan int }

func newNested() *nested { return &nested{in: make(chan int)} }

func (n *nested) start() {
	go func() { <-n.in }()
	go func() { n.in <- 1 }()
}
