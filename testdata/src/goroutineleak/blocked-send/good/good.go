// Package good holds channel patterns that do not strand a sender, which a
// naive checker reports.
package good

import (
	"context"
	"sync"
	"time"
)

func work() int { return 1 }

// A buffer of one holds the only send: the goroutine exits on any path.
func buffered(ctx context.Context) (int, error) {
	ch := make(chan int, 1)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A buffer sized to the senders at run time.
func bufferedForAll(ctx context.Context, n int) error {
	errc := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() { errc <- nil }()
	}
	for i := 0; i < n; i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// The sender selects on ctx.Done too: it gives up with the receiver.
func guardedSend(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		select {
		case ch <- work():
		case <-ctx.Done():
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A send with a default never blocks.
func sendDefault() {
	ch := make(chan int)
	go func() {
		select {
		case ch <- 1:
		default:
		}
	}()
}

// The receiver always receives: every path takes the value.
func alwaysReceives() int {
	ch := make(chan int)
	go func() { ch <- work() }()
	v := <-ch
	if v > 3 {
		return 0
	}
	return v
}

// The receiver drains until close; the closer waits for every worker.
func drains(xs []int) int {
	ch := make(chan int)
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- x
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	return sum
}

// The channel is returned: the caller receives.
func returned() <-chan int {
	ch := make(chan int)
	go func() { ch <- work() }()
	return ch
}

type server struct{ results chan int }

// The channel is stored in a field: some other method receives.
func (s *server) stored() {
	ch := make(chan int)
	s.results = ch
	go func() { ch <- work() }()
}

func consume(ch chan int) {}

// The channel is passed to code the analysis cannot see into.
func passedOn(f func(chan int)) {
	ch := make(chan int)
	go func() { ch <- work() }()
	f(ch)
}

// Another goroutine receives: the spawner is not the only receiver.
func otherReceiver(ctx context.Context) {
	ch := make(chan int)
	go func() { ch <- work() }()
	go func() { <-ch }()
	<-ctx.Done()
}

// The goroutine closes instead of sending: a receive on a closed channel
// never blocks the closer.
func closesDone(d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		work()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// Result and error channels: each path of the goroutine sends on exactly one,
// and the select receives from either.
func resultOrError() (int, error) {
	resc := make(chan int)
	errc := make(chan error)
	go func() {
		if v := work(); v < 0 {
			errc <- nil
			return
		}
		resc <- work()
	}()
	select {
	case v := <-resc:
		return v, nil
	case err := <-errc:
		return 0, err
	}
}

// Spawned and received in the same loop iteration: nothing is left over
// when the loop returns early.
func oneAtATime(xs []int) error {
	ch := make(chan int)
	for range xs {
		go func() { ch <- work() }()
		if v := <-ch; v < 0 {
			return nil
		}
	}
	return nil
}

// A counted receive loop takes every send.
func countedDrain(n int) int {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go func() { ch <- i }()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch
	}
	return sum
}

// The early exit before any goroutine is started owes nothing.
func returnBeforeSpawn(ok bool) int {
	if !ok {
		return 0
	}
	ch := make(chan int)
	go func() { ch <- work() }()
	return <-ch
}

// The path that does not receive ends the program.
func fatalPath(bad bool) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	if bad {
		panic("bad")
	}
	return <-ch
}

// A comma-ok receive loop that stops only when the producer closes.
func untilClosed(xs []int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	n := 0
	for {
		v, ok := <-ch
		if !ok {
			return n
		}
		n += v
	}
}

// A timeout case that still waits for the result before returning.
func waitsAfterTimeout(d time.Duration) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		return <-ch
	}
}

// A ticker case loops back to the select: every exit receives.
func ticks(t *time.Ticker) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	for {
		select {
		case v := <-ch:
			return v
		case <-t.C:
		}
	}
}

// A worker owned by a struct whose Close receives its last message.
type worker struct{ done chan error }

func (w *worker) start() {
	w.done = make(chan error)
	go func() { w.done <- nil }()
}

func (w *worker) Close() error { return <-w.done }
