//go:build go1.23

// Package good holds time.Tick uses SA1015 must not report.
package good

import "time"

// pollUntil123 is the leaking shape of the bad fixture, in a file for Go
// 1.23, whose runtime collects a ticker nobody references any more.
func pollUntil123(done func() bool) {
	for range time.Tick(time.Second) {
		if done() {
			return
		}
	}
}
