// Package bad drains timers whose value was already received.
package bad

import (
	"context"
	"time"
)

type strategy struct {
	timer *time.Timer
	every time.Duration
	reset chan struct{}
}

// The timer case takes the value and does not re-arm; the reset case then
// finds Stop false and waits for a value that never comes. Modelled on
// istio/istio#18454 (a debounce loop's reset path drained a timer the loop
// had already received from, and hung).
func (s *strategy) loop(ctx context.Context) {
	for {
		select {
		case <-s.timer.C:
		case <-s.reset:
			if !s.timer.Stop() {
				<-s.timer.C // want `goroutine drains s.timer.C after Stop returned false, but on a path through line 22 its value was already received`
			}
			s.timer.Reset(s.every)
		case <-ctx.Done():
			s.timer.Stop()
			return
		}
	}
}

// A wait on a local timer that may have taken the value, then the drain
// idiom copied from a Reset helper.
func waitThenStop(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	select {
	case <-t.C:
	case <-ctx.Done():
	}
	if !t.Stop() {
		<-t.C // want `goroutine drains t.C after Stop returned false`
	}
}

// The same, with the negation written as a comparison with false.
func waitThenStopCmp(done <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	select {
	case <-t.C:
	case <-done:
	}
	if t.Stop() == false {
		<-t.C // want `goroutine drains t.C after Stop returned false`
	}
}

func logFired() {}

// A call of the package after the receive cannot re-arm a local timer
// nothing else can reach: the drain still blocks.
func waitLogged(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	select {
	case <-t.C:
		logFired()
	case <-ctx.Done():
	}
	if !t.Stop() {
		<-t.C // want `goroutine drains t.C after Stop returned false`
	}
}

// A local timer captured by the goroutine that runs the loop: the loads
// of the captured variable are one timer.
func debounce(kick <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	go func() {
		for {
			select {
			case <-t.C:
			case <-kick:
				if !t.Stop() {
					<-t.C // want `goroutine drains t.C after Stop returned false`
				}
				t.Reset(d)
			}
		}
	}()
}
