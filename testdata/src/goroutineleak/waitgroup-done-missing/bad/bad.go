// Package bad holds goroutines counted by WaitGroup.Add that can return
// without calling Done.
package bad

import (
	"errors"
	"log"
	"sync"
)

func step() error { return errors.New("x") }

// An early error return skips the Done at the end.
func earlyReturn() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := step(); err != nil {
			log.Print(err)
			return // want `goroutine counted by WaitGroup.Add \(line 16\) returns here without calling Done`
		}
		wg.Done()
	}()
	wg.Wait()
}

// Workers in a loop: one path of each skips Done.
func workers(items []int) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			if it < 0 {
				return // want `returns here without calling Done`
			}
			_ = step()
			wg.Done()
		}()
	}
	wg.Wait()
}

type pool struct{ wg sync.WaitGroup }

// A named method started as the goroutine, with the WaitGroup in a field.
func (p *pool) run(n int) {
	if n == 0 {
		return // want `returns here without calling Done`
	}
	p.wg.Done()
}

func (p *pool) start() {
	p.wg.Add(1)
	go p.run(3)
	p.wg.Wait()
}

// The Done is only on one branch of a switch; the first return that skips
// it is reported, once per goroutine.
func restore(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func(id string) {
			switch id {
			case "":
				return // want `returns here without calling Done`
			default:
				if step() != nil {
					wg.Done()
				}
			}
		}(id)
	}
	wg.Wait()
}
