package fix

import "time"

// A polling loop gives up on each attempt after a timeout and starts the
// next one: each stranded attempt keeps a goroutine.
func pollLoop(attempt func() bool, d time.Duration) {
	for {
		ok := make(chan bool)
		go func() { ok <- attempt() }() // want `goroutine sends on ok`
		select {
		case v := <-ok:
			if v {
				return
			}
		case <-time.After(d):
		}
	}
}
