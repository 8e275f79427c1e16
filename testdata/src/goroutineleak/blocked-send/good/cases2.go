package good

import (
	"context"
	"errors"
	"time"
)

type check func(ctx context.Context) error

// The fixed health-go loop: a buffer of one per check.
func runChecks(checks []check, timeout time.Duration) []error {
	var errs []error
	for _, c := range checks {
		resCh := make(chan error, 1)
		go func() { resCh <- c(context.Background()) }()
		select {
		case err := <-resCh:
			errs = append(errs, err)
		case <-time.After(timeout):
			errs = append(errs, errors.New("timeout"))
		}
	}
	return errs
}

// A worker pool whose results are all drained before the early return is
// taken: errgroup-style, the error is remembered, not returned mid-loop.
func firstError(n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() { errc <- nil }()
	}
	var first error
	for i := 0; i < n; i++ {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// A worker that exits on ctx.Done: its sends are guarded.
func workers(ctx context.Context, jobs []int) {
	out := make(chan int)
	for _, j := range jobs {
		go func() {
			select {
			case out <- j:
			case <-ctx.Done():
			}
		}()
	}
	select {
	case <-out:
	case <-ctx.Done():
	}
}

// A goroutine that only closes the channel it is given: nothing to send.
func closer(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		time.Sleep(time.Millisecond)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// The spawner sends and the goroutine receives: the other direction.
func reverse(ctx context.Context) {
	in := make(chan int)
	go func() { <-in }()
	in <- 1
}

// The channel escapes through an interface value.
func viaInterface(ctx context.Context) any {
	ch := make(chan int)
	go func() { ch <- 1 }()
	return any(ch)
}

// The goroutine is started only on the path that receives.
func conditionalSpawn(ok bool) int {
	ch := make(chan int)
	if !ok {
		return 0
	}
	go func() { ch <- 1 }()
	return <-ch
}

// In main a stranded goroutine dies with the process.
func exits(ctx context.Context, fatal func(error)) int {
	ch := make(chan int)
	go func() { ch <- 1 }()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		fatal(ctx.Err())
		panic("unreachable")
	}
}
