// Package bad holds goroutines that can block forever sending on a channel
// whose only receiver has returned.
package bad

import (
	"context"
	"errors"
	"time"
)

type result struct {
	v   int
	err error
}

func work() int           { return 1 }
func fetch(string) result { return result{} }
func precheck() error     { return nil }

// The canonical bug: the select gives up on ctx.Done and the sender is stranded.
func selectCtx(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() { ch <- work() }() // want `goroutine sends on ch \(made at line 22\) but the path returning at line 28 does not receive from it`
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A timeout case: modelled on kubernetes/kubernetes#5316 (finishRequest
// waited on the result with time.After; the fix buffered the channels).
func finishRequest(timeout time.Duration, fn func() (int, error)) (int, error) {
	ch := make(chan int)
	errCh := make(chan error)
	go func() { // want `goroutine sends on ch .* does not receive from it`
		v, err := fn()
		if err != nil {
			errCh <- err
			return
		}
		ch <- v
	}()
	select {
	case v := <-ch:
		return v, nil
	case err := <-errCh:
		return 0, err
	case <-time.After(timeout):
		return 0, errors.New("timeout")
	}
}

// An early error return before the receive strands the sender.
func earlyReturn() error {
	errc := make(chan error)
	go func() { errc <- errors.New("x") }() // want `path returning at line 60 does not receive`
	if err := precheck(); err != nil {
		return err
	}
	return <-errc
}

// A done signal sent (not closed) and a timeout: modelled on
// google/cadvisor#2549 (runner: the send on done blocked after a timeout;
// fixed with a buffer of 1).
func runWithTimeout(d time.Duration) bool {
	done := make(chan bool)
	go func() { // want `goroutine sends on done`
		time.Sleep(time.Millisecond)
		done <- true
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// A helper function started as the goroutine sends on its parameter.
func sendResult(out chan<- int) { out <- work() }

func namedSender(ctx context.Context) int {
	out := make(chan int)
	go sendResult(out) // want `goroutine sends on out`
	select {
	case v := <-out:
		return v
	case <-ctx.Done():
		return -1
	}
}

// First answer wins: every other goroutine blocks forever.
func firstAnswer(urls []string) result {
	ch := make(chan result)
	for _, u := range urls {
		go func() { ch <- fetch(u) }() // want `goroutines started in a loop send on ch .* after the receive at line 102`
	}
	return <-ch
}

// An error ends the receive loop early while other workers still send:
// modelled on cockroachdb/cockroach#18101 (restore returned on ctx.Done
// while splitAndScatter kept sending into the channel).
func collect(ctx context.Context, n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() { errc <- precheck() }() // want `goroutines started in a loop send on errc`
	}
	for i := 0; i < n; i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A producer sending in a loop and a consumer that breaks out of the range.
func findFirst(xs []int, target int) bool {
	ch := make(chan int)
	go func() { // want `goroutine sends on ch \(made at line 123\) in a loop, but after the receive at line 130`
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	for v := range ch {
		if v == target {
			return true
		}
	}
	return false
}

// A loop of requests, each waiting for its goroutine or a stop signal:
// modelled on grpc/grpc-go#660 (doCloseLoopUnary returned on stop without
// draining done).
func closeLoop(stop chan bool) {
	for {
		done := make(chan bool)
		go func() { // want `goroutine sends on done`
			if work() > 7 {
				done <- false
				return
			}
			done <- true
		}()
		select {
		case <-stop:
			return
		case <-done:
		}
	}
}

// A probe with its own timeout and a stop case: modelled on
// moby/moby#33781 (the health monitor returned on stop while the probe
// goroutine was still sending its result).
func probe(stop chan bool, timeout time.Duration) {
	results := make(chan bool)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	go func() { // want `goroutine sends on results`
		results <- true
	}()
	select {
	case <-stop:
		return
	case <-results:
	case <-ctx.Done():
		<-results
	}
}

// Two goroutines, one receive.
func twoOneReceive() int {
	ch := make(chan int)
	go func() { ch <- 1 }() // want `goroutine sends on ch`
	go func() { ch <- 2 }()
	return <-ch
}

// A buffer of one against two senders is too small.
func bufferTooSmall(ctx context.Context) int {
	ch := make(chan int, 1)
	go func() { ch <- 1 }() // want `make\(chan int, 2\)`
	go func() { ch <- 2 }()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}
