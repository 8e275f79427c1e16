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
