package good

// This file has no Go version constraint, so it is compiled at the
// toolchain's language version: since Go 1.23 a timer nobody references is
// collected at once, fired or not, and one time.After per iteration costs an
// allocation, not a timer piling up. Not reported.

import "time"

// A new timer per message: garbage as soon as another case is taken.
func idleModern(in chan int) {
	for {
		select {
		case v := <-in:
			_ = v
		case <-time.After(time.Minute):
			return
		}
	}
}

// A range loop with a per-item timeout.
func perItemModern(out chan int, xs []int) {
	for _, x := range xs {
		select {
		case out <- x:
		case <-time.After(time.Second):
			return
		}
	}
}
