// Package use starts producers from package dep: their facts say what they
// do with the channel.
package use

import (
	"context"

	"goroutineleak/facts/dep"
)

// A producer from another package sends once; the select can give up.
func oneSend(ctx context.Context) int {
	ch := make(chan int)
	go dep.Produce(ch) // want `goroutine sends on ch`
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// A producer from another package sends in a loop; the consumer stops early.
func loopSends(xs []int) bool {
	ch := make(chan int)
	go dep.ProduceAll(ch, xs) // want `goroutine sends on ch \(made at line 25\) in a loop`
	for v := range ch {
		if v == 0 {
			return true
		}
	}
	return false
}

// Negative: the producer selects on ctx.Done too.
func guarded(ctx context.Context) int {
	ch := make(chan int)
	go dep.ProduceGuarded(ctx, ch)
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Negative: the producer stores the channel; another receiver may exist.
func kept(ctx context.Context) int {
	ch := make(chan int)
	go dep.Keep(ch)
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Negative: a buffer of one holds the one send.
func buffered(ctx context.Context) int {
	ch := make(chan int, 1)
	go dep.Produce(ch)
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}
