// Package bad holds WaitGroup.Wait calls inside the loop that starts the
// goroutines counted by an Add made before the loop.
package bad

import "sync"

type plugin struct{ name string }

func (p *plugin) load() {}

// Modelled on moby/moby#25384: the plugins were counted in one Add before
// the loop, and the Wait that should follow the loop was inside it. The
// first iteration waits for every plugin while only one goroutine has been
// started: it never returns.
func loadAll(plugins []*plugin) {
	var wg sync.WaitGroup
	wg.Add(len(plugins))
	for _, p := range plugins {
		go func(p *plugin) {
			defer wg.Done()
			p.load()
		}(p)
		wg.Wait() // want `wg.Wait inside the loop that starts the goroutines counted by wg.Add \(line 17\) before it`
	}
}

type pool struct{ wg sync.WaitGroup }

func (s *pool) work(i int) { defer s.wg.Done() }

// A WaitGroup in a field, with a named function as the goroutine.
func (s *pool) run(n int) {
	s.wg.Add(n)
	for i := 0; i < n; i++ {
		go s.work(i)
		s.wg.Wait() // want `s.wg.Wait inside the loop that starts the goroutines counted by s.wg.Add \(line 33\) before it`
	}
}
