// Package good holds Timer.Reset uses SA1025 must not report.
package good

import "time"

// stopDrainReset is the documented pattern: stop the timer, drain a
// pending expiry, then reset, so no old value can be mistaken for a new one.
func stopDrainReset(t *time.Timer, d time.Duration) {
	if !t.Stop() {
		<-t.C
	}
	t.Reset(d)
}

// resetIgnored resets a timer whose channel the caller selects on; the
// result is not used, so there is nothing to misuse.
func resetIgnored(t *time.Timer, d time.Duration) {
	t.Reset(d)
}
