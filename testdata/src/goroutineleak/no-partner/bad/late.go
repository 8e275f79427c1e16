package bad

import "context"

// runner starts workers for a component.
type runner struct{ n int }

func (r *runner) run(ctx context.Context, f func(context.Context)) {
	r.n++
	go f(ctx)
}

// compactor kicks its loop through an unbuffered channel.
type compactor struct{ kick chan struct{} }

// The first kick is sent before the loop that receives it exists: the loop
// is a closure made only after the send, so nothing can ever take the
// first value. Modelled on cockroachdb/cockroach#24808 (the compactor's
// Start signalled its channel before starting the worker that reads it).
func (c *compactor) start(ctx context.Context, r *runner) {
	c.kick <- struct{}{} // want `goroutine sends on compactor.kick, but every receive from it is in a function literal made after this send \(line \d+\), so the send blocks forever`
	r.run(ctx, func(ctx context.Context) {
		for {
			select {
			case <-ctx.Done():
				return
			case <-c.kick:
			}
		}
	})
}

func newCompactor() *compactor { return &compactor{kick: make(chan struct{})} }

// The same with the receiver nested two literals deep and a loop: the
// send dominates the outer literal.
func (c *pump) start() {
	for i := 0; i < 3; i++ {
		c.in <- i // want `goroutine sends on pump.in, but every receive from it is in a function literal made after this send`
		go func() {
			func() { <-c.in }()
		}()
	}
}

type pump struct{ in chan int }

func newPump() *pump { return &pump{in: make(chan int)} }
