package bad

import (
	"context"
	"errors"
)

// A non-blocking receive: when the result is not ready yet the spawner
// returns and the goroutine waits forever.
func poll() (int, bool) {
	ch := make(chan int)
	go func() { ch <- work() }() // want `goroutine sends on ch`
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

// Two values sent, one received.
func twoSends() int {
	ch := make(chan int)
	go func() { // want `make\(chan int, 2\)`
		ch <- 1
		ch <- 2
	}()
	return <-ch
}

type client struct{}

// send is a method that sends its result on the channel it is given.
func (client) send(ctx context.Context, out chan error) { out <- ctx.Err() }

// A method value started as the goroutine: its summary says it sends once.
func (c client) call(ctx context.Context) error {
	out := make(chan error)
	go c.send(ctx, out) // want `goroutine sends on out`
	select {
	case err := <-out:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A break out of the receive loop strands the workers still sending.
func breakOut(jobs []int) int {
	results := make(chan int)
	for _, j := range jobs {
		go func() { results <- j * 2 }() // want `goroutines started in a loop send on results`
	}
	sum := 0
	for range jobs {
		r := <-results
		if r < 0 {
			break
		}
		sum += r
	}
	return sum
}

// An error channel and a validation step between the spawn and the wait.
func validateThenWait(validate func() error) error {
	errc := make(chan error)
	go func() { errc <- errors.New("boom") }() // want `goroutine sends on errc`
	if err := validate(); err != nil {
		return err
	}
	select {
	case err := <-errc:
		return err
	}
}
