// Package good drains timers only when their value is still there.
package good

import (
	"context"
	"time"
)

type strategy struct {
	timer *time.Timer
	other *time.Timer
	every time.Duration
	reset chan struct{}
}

// Every receive of the value is followed by a Reset: when the reset case
// runs, the timer is armed again and Stop false means an unreceived value.
func (s *strategy) loop(ctx context.Context) {
	for {
		select {
		case <-s.timer.C:
			s.timer.Reset(s.every)
		case <-s.reset:
			if !s.timer.Stop() {
				<-s.timer.C
			}
			s.timer.Reset(s.every)
		case <-ctx.Done():
			s.timer.Stop()
			return
		}
	}
}

// A drain that cannot block: the select has a default.
func (s *strategy) nonBlocking() {
	for {
		select {
		case <-s.timer.C:
		case <-s.reset:
			if !s.timer.Stop() {
				select {
				case <-s.timer.C:
				default:
				}
			}
			s.timer.Reset(s.every)
		}
	}
}

// A flag records whether the value was taken: the drain runs only when it
// was not.
func waitFlag(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	fired := false
	select {
	case <-t.C:
		fired = true
	case <-ctx.Done():
	}
	if !t.Stop() && !fired {
		<-t.C
	}
}

// Two timers: the value received is the other one's.
func (s *strategy) twoTimers() {
	for {
		select {
		case <-s.other.C:
		case <-s.reset:
			if !s.timer.Stop() {
				<-s.timer.C
			}
			s.timer.Reset(s.every)
		}
	}
}

// The timer is replaced after its value is received: the drain is of a
// new timer.
func replaced(kick <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			t = time.NewTimer(d)
		case <-kick:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		}
	}
}

// A method of the package runs after the receive; it re-arms the timer,
// and the rule does not look inside to prove otherwise.
func (s *strategy) viaHelper() {
	for {
		select {
		case <-s.timer.C:
			s.rearm()
		case <-s.reset:
			if !s.timer.Stop() {
				<-s.timer.C
			}
			s.rearm()
		}
	}
}

func (s *strategy) rearm() { s.timer.Reset(s.every) }

// The drain idiom with no earlier receive: Stop false means the value is
// still in the channel (before Go 1.23), or Stop is true (since).
func resetTimer(t *time.Timer, d time.Duration) {
	if !t.Stop() {
		<-t.C
	}
	t.Reset(d)
}

func rearmTimer(t *time.Timer, d time.Duration) { t.Reset(d) }

// A local timer handed to a helper after its value is received: the helper
// may re-arm it (it does).
func viaArgument(kick <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			rearmTimer(t, d)
		case <-kick:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		}
	}
}

// A local timer captured by a closure that re-arms it.
func viaClosure(kick <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	rearm := func() { t.Reset(d) }
	for {
		select {
		case <-t.C:
			rearm()
		case <-kick:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		}
	}
}
