// Package pending holds cases the analysis still gets wrong. Each says what
// happens and what would be needed; the tests run them with inverted
// expectations (ruletest's pending.go): a "now" comment is today's false
// positive, a want comment the finding still missed, and the test fails
// when either changes (then the case moves to good/ or bad/).
package pending

func work() int { return 1 }

// False positive: the receive loop breaks only once every value is in, so
// no sender is left. blocked-send reports the break as an early exit from
// the receive loop; telling it apart needs to relate n to the number of
// goroutines started.
func countedBreak(items []int) int {
	out := make(chan int)
	for _, it := range items {
		go func() { out <- it }() // now `goroutines started in a loop send on out \(made at line 15\)`
	}
	n := 0
	for v := range out {
		n += v
		if n == len(items) {
			break
		}
	}
	return n
}

// Miss: the channel is returned, and the caller that gives up on it is in
// another function (moby/moby#4395, GoBench). Needs a fact "returns a
// channel a goroutine sends on once" and the caller's paths.
func Go(f func() error) chan error {
	ch := make(chan error)
	go func() { ch <- f() }() // want `send on ch`
	return ch
}

// giveUpOnGo abandons Go's channel when stop fires first: Go's goroutine
// then blocks on its send forever.
func giveUpOnGo(f func() error, stop <-chan struct{}) error {
	select {
	case err := <-Go(f):
		return err
	case <-stop:
		return nil
	}
}

type watcher struct{ result chan int }

// Miss: a channel kept in a struct field (kubernetes/kubernetes#1321,
// GoBench): the sender and the receiver are methods of a long-lived
// object, beyond the spawner's paths.
func (w *watcher) distribute(v int) { w.result <- v } // want `send on w\.result`
