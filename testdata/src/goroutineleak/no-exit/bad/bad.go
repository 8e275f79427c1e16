// Package bad holds goroutines that objects start and nothing can stop.
package bad

import (
	"sync"
	"time"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]int
}

func (c *Cache) evict() {}

// A janitor with a sleep loop and no exit.
func NewCache() *Cache {
	c := &Cache{items: map[string]int{}}
	go func() { // want `goroutine started by NewCache loops forever`
		for {
			time.Sleep(time.Minute)
			c.evict()
		}
	}()
	return c
}

type Worker struct{ jobs chan int }

func (w *Worker) loop() {
	for {
		j := <-w.jobs
		_ = j
	}
}

// A Start method starting a worker that receives forever: the issue's
// example of a worker with no way to stop it.
func (w *Worker) Start() {
	go w.loop() // want `goroutine started by Start loops forever`
}

// A ticker loop whose select has no stop case.
func NewReporter(t *time.Ticker, report func()) *Cache {
	c := &Cache{}
	go func() { // want `loops forever`
		for {
			select {
			case <-t.C:
				report()
			}
		}
	}()
	return c
}

type Pool struct {
	once sync.Once
	idle []int
}

// A sync.Once that is a field runs once per object: every Pool built and
// used leaks its own janitor.
func (p *Pool) Get() int {
	p.once.Do(func() {
		go func() { // want `goroutine started by Get loops forever`
			for {
				time.Sleep(time.Minute)
				p.idle = p.idle[:0]
			}
		}()
	})
	return 0
}
