// Package good holds background goroutines that can be stopped, or that
// live with the process on purpose.
package good

import (
	"context"
	"time"
)

type Cache struct{ done chan struct{} }

func (c *Cache) evict() {}

// A done channel and a Close that closes it.
func NewCache() *Cache {
	c := &Cache{done: make(chan struct{})}
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				c.evict()
			case <-c.done:
				return
			}
		}
	}()
	return c
}

func (c *Cache) Close() { close(c.done) }

// A worker that exits on ctx.Done.
func Start(ctx context.Context, jobs chan int) *Cache {
	go func() {
		for {
			select {
			case <-jobs:
			case <-ctx.Done():
				return
			}
		}
	}()
	return &Cache{}
}

// A range over a channel ends when the owner closes it.
func (c *Cache) Serve(in chan int) {
	go func() {
		for v := range in {
			_ = v
		}
	}()
}

// A loop that ends on an error from its source.
func (c *Cache) Accept(next func() (int, error)) {
	go func() {
		for {
			if _, err := next(); err != nil {
				return
			}
		}
	}()
}

// A package-level background goroutine started in init lives with the
// process on purpose.
func init() {
	go func() {
		for {
			time.Sleep(time.Hour)
		}
	}()
}

// A function that returns nothing and is not a method: not an object's
// goroutine (a one-off helper the caller decides about).
func background(f func()) {
	go func() {
		for {
			f()
		}
	}()
}
