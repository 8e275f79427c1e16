package good

import (
	"sync"
	"sync/atomic"
)

func fetch(int) error { return nil }

// lockedCounter: the goroutines hold a mutex while they increment.
func lockedCounter(n int) int {
	var mu sync.Mutex
	hits := 0
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			hits++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return hits
}

// atomicCounter: the counter's address goes to sync/atomic.
func atomicCounter(n int) int64 {
	var hits int64
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&hits, 1)
		}()
	}
	wg.Wait()
	return hits
}

// perIterationResult: each iteration declares its own variable, so each
// goroutine writes its own.
func perIterationResult(ids []int) {
	var wg sync.WaitGroup
	for _, id := range ids {
		var err error
		wg.Add(1)
		go func() {
			defer wg.Done()
			err = fetch(id)
			_ = err
		}()
		wg.Wait()
	}
}

// oneAtATime: each goroutine is waited for before the next starts.
func oneAtATime(ids []int) error {
	var err error
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if e := fetch(id); e != nil {
				err = e
			}
		}()
		wg.Wait()
	}
	return err
}

// startedOnce: one goroutine writes; the spawner reads after the Wait.
func startedOnce() error {
	var err error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		err = fetch(1)
	}()
	wg.Wait()
	return err
}

// tokenPassing: a goroutine writes only after taking the single token of a
// channel, which serialises them; the rule does not model tokens and
// stays silent when the goroutine waits on anything first.
func tokenPassing(n int) int {
	token := make(chan struct{}, 1)
	token <- struct{}{}
	last := 0
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-token
			last = i
			token <- struct{}{}
		}()
	}
	wg.Wait()
	return last
}

// firstErrorOnce: sync.Once inside the goroutine keeps the first error.
func firstErrorOnce(ids []int) error {
	var once sync.Once
	var err error
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if e := fetch(id); e != nil {
				once.Do(func() { err = e })
			}
		}()
	}
	wg.Wait()
	return err
}

type stats struct {
	mu   sync.Mutex
	hits int
	n    atomic.Int64
}

type slot struct{ err error }

// lockedField: the goroutines hold the struct's mutex while they write.
func (s *stats) lockedField(ids []int) {
	var wg sync.WaitGroup
	for range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.mu.Lock()
			s.hits++
			s.mu.Unlock()
			s.n.Add(1)
		}()
	}
	wg.Wait()
}

// ownSlot: each goroutine writes the field of its own element, made or
// picked per iteration.
func ownSlot(ids []int) []*slot {
	out := make([]*slot, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		sl := &slot{}
		out[i] = sl
		wg.Add(1)
		go func() {
			defer wg.Done()
			sl.err = fetch(id)
		}()
	}
	wg.Wait()
	return out
}

// waitGroupGoSlots: each goroutine writes its own element, and the
// spawner reads them after Wait.
func waitGroupGoSlots(ids []int) []error {
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			errs[i] = fetch(id)
		})
	}
	wg.Wait()
	return errs
}
