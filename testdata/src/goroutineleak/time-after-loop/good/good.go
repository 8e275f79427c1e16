// Package good holds timers that are not re-created per iteration.
package good

import "time"

// One timer, reset per message.
func idle(in chan int) {
	t := time.NewTimer(time.Minute)
	defer t.Stop()
	for {
		select {
		case v := <-in:
			_ = v
			t.Reset(time.Minute)
		case <-t.C:
			return
		}
	}
}

// time.After once, outside the loop: one deadline for the whole loop.
func deadline(in chan int) {
	timeout := time.After(time.Minute)
	for {
		select {
		case <-in:
		case <-timeout:
			return
		}
	}
}

// time.After not in a loop.
func once(in chan int) int {
	select {
	case v := <-in:
		return v
	case <-time.After(time.Second):
		return 0
	}
}

// A plain receive from time.After in a loop is a sleep, not a select case.
func sleepy(n int) {
	for i := 0; i < n; i++ {
		<-time.After(time.Millisecond)
	}
}

// A retry backoff: every other case returns, so at most one timer is
// abandoned, on the way out.
func retry(stop chan struct{}, attempt func() error) error {
	for {
		err := attempt()
		if err == nil {
			return nil
		}
		select {
		case <-stop:
			return err
		case <-time.After(time.Second):
		}
	}
}
