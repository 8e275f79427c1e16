package good

import "time"

// get receives on every path.
func get(ch chan int) int { return <-ch }

// The receive is split into a helper that always receives.
func viaGet() int {
	ch := make(chan int)
	go func() { ch <- work() }()
	return get(ch)
}

// waitLogging receives on every path: the ticker case only logs and goes
// round again.
func waitLogging(ch chan int, t *time.Ticker) int {
	for {
		select {
		case v := <-ch:
			return v
		case <-t.C:
		}
	}
}

// A helper whose select loops until it receives.
func viaLoopingHelper(t *time.Ticker) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	return waitLogging(ch, t)
}
