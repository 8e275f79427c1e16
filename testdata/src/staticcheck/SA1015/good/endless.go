//go:build go1.22

package good

import "time"

// tickForever never returns, so the ticker lives exactly as long as its
// only user: nothing leaks even before Go 1.23.
func tickForever(work func()) {
	for range time.Tick(time.Second) {
		work()
	}
}
