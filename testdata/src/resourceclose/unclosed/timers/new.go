//go:build go1.23

package timers

import (
	"context"
	"time"
)

// Since Go 1.23 an unstopped timer is collected once unreferenced: not a leak.
func waitNew(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// Nor is a ticker.
func pollNew(check func() bool) bool {
	t := time.NewTicker(time.Second)
	for range t.C {
		if check() {
			return true
		}
	}
	return false
}
