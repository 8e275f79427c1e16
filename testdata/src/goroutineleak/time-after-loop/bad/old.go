//go:build go1.22

package bad

import "time"

// Before Go 1.23 every timer lives until it fires: each event abandons an
// hour-long idle timeout.
func watch(events chan string, stop chan struct{}) {
	for {
		select {
		case e := <-events:
			_ = e
		case <-stop:
			return
		case <-time.After(time.Hour): // want `before Go 1.23 none is freed until it fires`
			return
		}
	}
}

// The same per-item timeout in a range loop, before Go 1.23.
func perItem(out chan int, xs []int) {
	for _, x := range xs {
		select {
		case out <- x:
		case <-time.After(time.Second): // want `before Go 1.23 none is freed until it fires`
			return
		}
	}
}

// A goto inside a for loop: the loop still re-arms the timer per message.
func drain(in chan int, stop chan struct{}) {
	for {
	AGAIN:
		select {
		case v := <-in:
			if v < 0 {
				goto AGAIN
			}
		case <-stop:
			return
		case <-time.After(time.Hour): // want `before Go 1.23`
			return
		}
	}
}
