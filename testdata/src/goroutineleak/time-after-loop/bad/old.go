//go:build go1.22

package bad

import "time"

// Before Go 1.23 every timer lives until it fires: modelled on the
// time.After-in-select leaks fixed across the ecosystem by moving to one
// time.NewTimer (e.g. nsqio/nsq's and etcd's watch loops).
func watch(events chan string, stop chan struct{}) {
	for {
		select {
		case e := <-events:
			_ = e
		case <-stop:
			return
		case <-time.After(time.Hour): // want `before Go 1.23 none is freed until it fires`
		}
	}
}
