// Package pending holds cases the analysis still gets wrong; no test runs
// them. Each says what happens and what would be needed.
package pending

func work() int { return 1 }

// False positive: the receive loop breaks only once every value is in, so
// no sender is left. blocked-send reports the break as an early exit from
// the receive loop; telling it apart needs to relate n to the number of
// goroutines started.
func countedBreak(items []int) int {
	out := make(chan int)
	for _, it := range items {
		go func() { out <- it }()
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
	go func() { ch <- f() }()
	return ch
}

type watcher struct{ result chan int }

// Miss: a channel kept in a struct field (kubernetes/kubernetes#1321,
// GoBench): the sender and the receiver are methods of a long-lived
// object, beyond the spawner's paths.
func (w *watcher) distribute(v int) { w.result <- v }
