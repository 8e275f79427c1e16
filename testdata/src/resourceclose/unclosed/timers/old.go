//go:build go1.22

// Before Go 1.23 a ticker or timer that is never stopped is never
// collected: the runtime keeps it (and a ticker keeps firing) for ever.
package timers

import (
	"context"
	"time"
)

// A ticker dropped on the early return.
func pollOld(ctx context.Context, check func() bool) error {
	t := time.NewTicker(time.Second) // want `ticker t from time.NewTicker \(line 14\) is not stopped on the path returning at line 16, and before go1.23 the runtime never reclaims it; add defer t.Stop\(\)`
	if check() {
		return nil
	}
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if check() {
				return nil
			}
		}
	}
}

// A timer used for one select and never stopped.
func waitOld(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d) // want `timer timer from time.NewTimer \(line 33\) is not stopped`
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// Stopped by defer: fine.
func pollStopped(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Returned to the caller, who owns it.
func newTicker(d time.Duration) *time.Ticker {
	return time.NewTicker(d)
}

// The timer fired on the path that returns (gorilla/websocket's write
// deadline): nothing is left to stop there.
func writeWithDeadline(mu chan struct{}, d time.Duration) error {
	timer := time.NewTimer(d)
	select {
	case <-mu:
		timer.Stop()
	case <-timer.C:
		return context.DeadlineExceeded
	}
	mu <- struct{}{}
	return nil
}

// Waited for in full.
func sleepOld(d time.Duration) {
	t := time.NewTimer(d)
	<-t.C
}
