//go:build go1.22

// Package bad holds time.Tick uses SA1015 reports. The fixtures load in
// GOPATH mode, where the package has no go version, so staticcheck's
// code.StdlibVersion falls back to this file's //go:build version: go1.22,
// before the runtime collected unreferenced tickers.
package bad

import "time"

// pollUntil returns once done holds; after it returns nothing stops the
// ticker time.Tick started, so each call leaks one.
func pollUntil(done func() bool) {
	for range time.Tick(time.Second) { // want `using time.Tick leaks the underlying ticker`
		if done() {
			return
		}
	}
}
