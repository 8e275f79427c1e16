// Package good holds consumers whose producers close on every path.
package good

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

// defer close covers the early return.
func deferred(items []string) error {
	jobs := make(chan job)
	defer close(jobs)
	go func() {
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
	return nil
}

// Closed before the early return too.
func closedOnEveryPath(items []string) error {
	jobs := make(chan job)
	go func() {
		for j := range jobs {
			handle(j)
		}
	}()
	for _, x := range items {
		j, err := parse(x)
		if err != nil {
			close(jobs)
			return err
		}
		jobs <- j
	}
	close(jobs)
	return nil
}

// The consumer also watches ctx.Done: it gives up with the producer.
func guarded(ctx context.Context, items []job) error {
	ch := make(chan job)
	go func() {
		for {
			select {
			case j := <-ch:
				handle(j)
			case <-ctx.Done():
				return
			}
		}
	}()
	for _, it := range items {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ch <- it
	}
	return nil
}

// The channel is returned: the caller closes it.
func returned() chan<- job {
	ch := make(chan job)
	go func() {
		for j := range ch {
			handle(j)
		}
	}()
	return ch
}

// A single receive is satisfied by the one send (not a range).
func single() {
	ch := make(chan job)
	go func() { handle(<-ch) }()
	ch <- 1
}

// The goroutine closes the channel itself after producing: the spawner ranges.
func producerGoroutine(items []job) int {
	ch := make(chan job)
	go func() {
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	n := 0
	for range ch {
		n++
	}
	return n
}

// The early return comes before the consumer is started.
func returnBeforeStart(items []string) error {
	if len(items) == 0 {
		return errors.New("nothing")
	}
	jobs := make(chan job)
	go func() {
		for j := range jobs {
			handle(j)
		}
	}()
	for _, x := range items {
		jobs <- job(len(x))
	}
	close(jobs)
	return nil
}

type server struct{ queue chan job }

// A queue owned by a struct: Close closes it.
func (s *server) start() {
	s.queue = make(chan job)
	go func() {
		for j := range s.queue {
			handle(j)
		}
	}()
}

func (s *server) Close() { close(s.queue) }
