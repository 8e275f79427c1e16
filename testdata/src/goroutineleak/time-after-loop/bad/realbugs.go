//go:build go1.22

package bad

import "time"

// A heartbeat loop whose message case loops back while the long timeout is
// still pending: modelled on hashicorp/vault#14814 (time.After in a
// for-select, fixed with one timer).
func heartbeat(msgs chan string, done chan struct{}) {
	for {
		select {
		case m := <-msgs:
			_ = m
		case <-done:
			return
		case <-time.After(30 * time.Second): // want `before Go 1.23 none is freed until it fires`
			return
		}
	}
}

// The binlog syncer's read loop with a per-event timeout: modelled on
// go-mysql-org/go-mysql#423 (time.After in a loop may leak timers).
func readEvents(events chan []byte, timeout time.Duration) error {
	for {
		select {
		case e := <-events:
			if e == nil {
				return nil
			}
		case <-time.After(timeout): // want `before Go 1.23`
			return nil
		}
	}
}
