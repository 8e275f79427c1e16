// Package fix holds blocked-send cases whose fix is a buffer of one.
package fix

import "context"

func work() int { return 1 }

// The only send gets a slot: the goroutine exits when the select gives up.
func selectCtx(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { ch <- work() }() // want `goroutine sends on ch`
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A done signal with an early return: modelled on moby/moby#40994
// (rm_test: done became a buffered channel).
func done(ok func() bool) bool {
	done := make(chan struct{})
	go func() { done <- struct{}{} }() // want `goroutine sends on done`
	if !ok() {
		return false
	}
	<-done
	return true
}
