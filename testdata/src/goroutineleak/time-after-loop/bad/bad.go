// Package bad holds time.After calls in loops (module go line: unknown, so
// the current wording).
package bad

import "time"

// A new timer per message: the idle timeout is re-armed by allocation.
func idle(in chan int) {
	for {
		select {
		case v := <-in:
			_ = v
		case <-time.After(time.Minute): // want `time.After in a loop allocates a new timer on every iteration`
			return
		}
	}
}

// A range loop with a per-item timeout.
func perItem(out chan int, xs []int) {
	for _, x := range xs {
		select {
		case out <- x:
		case <-time.After(time.Second): // want `time.After in a loop allocates`
			return
		}
	}
}
