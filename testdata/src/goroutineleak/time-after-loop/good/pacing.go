//go:build go1.22

package good

import (
	"context"
	"errors"
	"time"
)

var errNoResponders = errors.New("no responders")

// A fallback poll interval: the timer's own case goes round again, so the
// timer is a pacing wait. Left silent by design, although a frequent
// updates case does abandon live timers (the shape of
// hashicorp/nomad#11982): how often the other case fires is not visible.
func watchAllocs(updates chan int, stop chan struct{}) {
	for {
		select {
		case <-updates:
		case <-stop:
			return
		case <-time.After(5 * time.Minute):
		}
	}
}

// A retry backoff whose ctx.Done case falls through to the next attempt,
// which then fails at once (the shape of nats.go's publish retry, a
// corpus false positive).
func publishRetry(ctx context.Context, req func() error, wait time.Duration, attempts int) error {
	err := req()
	for r := 0; errors.Is(err, errNoResponders) && r < attempts; r++ {
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		err = req()
	}
	return err
}

// A backoff before a retry that a shutdown signal cuts short (the shape of
// hashicorp/raft's replicateTo, a corpus false positive).
func replicate(shutdown chan struct{}, send func() bool) {
	failures := 0
	for {
		if failures > 0 {
			select {
			case <-time.After(time.Duration(failures) * 10 * time.Millisecond):
			case <-shutdown:
			}
		}
		if !send() {
			failures++
			continue
		}
		return
	}
}

// A poll interval with a one-shot stop that is switched off once seen (the
// shape of go-redis' drain loop, a corpus false positive).
func drain(stop chan struct{}, done chan struct{}, progress func() bool) {
	stopCh := stop
	for {
		select {
		case <-done:
			return
		case <-stopCh:
			stopCh = nil
			continue
		case <-time.After(time.Second):
			if !progress() {
				return
			}
		}
	}
}
