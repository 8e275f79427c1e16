// Package bad holds Timer.Reset uses SA1025 reports.
package bad

import "time"

// resetThenDrain drains the channel when Reset says the timer had expired,
// but the new timer can fire between the two, and the receive then eats
// the new expiry (or blocks forever).
func resetThenDrain(t *time.Timer, d time.Duration) {
	if !t.Reset(d) { // want `not possible to use Reset's return value correctly`
		<-t.C
	}
}
