// Package good holds background goroutines that can be stopped, or that
// live with the process on purpose.
package good

import (
	"context"
	"sync"
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

var (
	hostsMu      sync.Mutex
	hosts        = map[string]time.Time{}
	janitorOnce  sync.Once
	startJanitor = sync.OnceFunc(func() {
		go func() {
			for {
				time.Sleep(time.Minute)
				hostsMu.Lock()
				clear(hosts)
				hostsMu.Unlock()
			}
		}()
	})
)

type Upstream struct{ addr string }

// A janitor for a package-level map, started under a package-level
// sync.Once: one goroutine per process, however many values call the
// method, like init's (caddy modules/caddyhttp/reverseproxy/hosts.go:167,
// fillDynamicHost; a false positive on the application corpus).
func (u *Upstream) fill() {
	hostsMu.Lock()
	hosts[u.addr] = time.Now()
	hostsMu.Unlock()
	janitorOnce.Do(func() {
		go func() {
			for {
				time.Sleep(time.Minute)
				hostsMu.Lock()
				for a, seen := range hosts {
					if time.Since(seen) > time.Hour {
						delete(hosts, a)
					}
				}
				hostsMu.Unlock()
			}
		}()
	})
}

// The same through sync.OnceFunc kept in a package-level variable.
func (u *Upstream) fillOnceFunc() {
	startJanitor()
}
