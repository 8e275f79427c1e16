package good

import "context"

// A goroutine that sends two values, both received.
func twoBoth() int {
	ch := make(chan int)
	go func() {
		ch <- 1
		ch <- 2
	}()
	return <-ch + <-ch
}

// A buffer of two for two senders.
func twoBuffered(ctx context.Context) int {
	ch := make(chan int, 2)
	go func() { ch <- 1 }()
	go func() { ch <- 2 }()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

type client struct{}

func (client) send(ctx context.Context, out chan error) {
	select {
	case out <- ctx.Err():
	case <-ctx.Done():
	}
}

// A method that guards its send.
func (c client) call(ctx context.Context) error {
	out := make(chan error)
	go c.send(ctx, out)
	select {
	case err := <-out:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A producer and a consumer goroutine: the spawner only waits for done.
func pipeline(xs []int) {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		for _, x := range xs {
			ch <- x
		}
		close(ch)
	}()
	go func() {
		for range ch {
		}
		close(done)
	}()
	<-done
}

// The channel is reassigned: the analysis does not know which one is sent on.
func reassigned(ctx context.Context) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	ch = make(chan int)
	<-ctx.Done()
	_ = ch
}
