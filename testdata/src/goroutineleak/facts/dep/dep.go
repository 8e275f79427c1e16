// Package dep holds producers whose channel summaries reach other
// packages as facts.
package dep

import "context"

// Produce sends once on out, unconditionally.
func Produce(out chan<- int) { out <- 1 }

// ProduceAll sends every value: a loop of sends.
func ProduceAll(out chan<- int, xs []int) {
	for _, x := range xs {
		out <- x
	}
	close(out)
}

// ProduceGuarded gives up with its context.
func ProduceGuarded(ctx context.Context, out chan<- int) {
	select {
	case out <- 1:
	case <-ctx.Done():
	}
}

var sink chan<- int

// Keep stores the channel: anyone may receive from it later.
func Keep(out chan<- int) { sink = out }
