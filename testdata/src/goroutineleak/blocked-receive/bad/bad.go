// Package bad holds consumer goroutines left waiting for a close that never
// comes.
package bad

import (
	"context"
	"errors"
)

type job int

func parse(s string) (job, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	return job(len(s)), nil
}

func handle(job) {}

// The feeding loop returns on a parse error before close.
func feed(items []string) error {
	jobs := make(chan job)
	go func() { // want `goroutine receives from jobs \(made at line 23\) until it is closed, but the path returning at line 32 does not close it`
		for j := range jobs {
			handle(j)
		}
	}()
	for _, x := range items {
		j, err := parse(x)
		if err != nil {
			return err
		}
		jobs <- j
	}
	close(jobs)
	return nil
}

// The producer never closes: the range never ends.
func neverClosed(items []string) {
	jobs := make(chan job)
	go func() { // want `never closes it`
		for j := range jobs {
			handle(j)
		}
	}()
	for _, x := range items {
		jobs <- job(len(x))
	}
}

// A worker pool: every worker waits for the close that the ctx path skips.
// Modelled on cockroachdb/cockroach#35073 (the outbox could fail during
// startup without closing its RowChannel, deadlocking the flow).
func pool(ctx context.Context, items []job, n int) error {
	work := make(chan job)
	for i := 0; i < n; i++ {
		go func() { // want `goroutine receives from work`
			for j := range work {
				handle(j)
			}
		}()
	}
	for _, it := range items {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		work <- it
	}
	close(work)
	return nil
}

func consume(in <-chan job) {
	for j := range in {
		handle(j)
	}
}

// A named consumer function: its summary says it ranges over its parameter.
func named(items []string) error {
	in := make(chan job)
	go consume(in) // want `goroutine receives from in`
	for _, x := range items {
		j, err := parse(x)
		if err != nil {
			return err
		}
		in <- j
	}
	close(in)
	return nil
}

// A for/receive loop with comma-ok is a range too.
func commaOk(items []job, stop func() bool) {
	ch := make(chan job)
	go func() { // want `goroutine receives from ch`
		for {
			j, ok := <-ch
			if !ok {
				return
			}
			handle(j)
		}
	}()
	for _, it := range items {
		if stop() {
			return
		}
		ch <- it
	}
	close(ch)
}
