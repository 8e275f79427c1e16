package bad

import "context"

// wait gives up with its context: on that path it does not receive.
func wait(ctx context.Context, ch chan int) (int, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The receive is split into a helper that can give up: its summary says a
// path of it returns without receiving.
func viaWaitHelper(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { ch <- work() }() // want `goroutine sends on ch`
	return wait(ctx, ch)
}
