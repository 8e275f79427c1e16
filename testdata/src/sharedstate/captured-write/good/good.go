// Package good holds goroutine captures that are properly ordered.
package good

import (
	"sync"
)

func compute() int { return 42 }

func use(int) {}

func fill(p *int) { *p = compute() }

// waitGroup: wg.Wait orders the goroutine's write before the read.
func waitGroup() int {
	var wg sync.WaitGroup
	var n int
	wg.Add(1)
	go func() {
		defer wg.Done()
		n = compute()
	}()
	wg.Wait()
	return n
}

// channelReceive: the receive orders the write before the read.
func channelReceive() int {
	done := make(chan struct{})
	var n int
	go func() {
		n = compute()
		close(done)
	}()
	<-done
	return n
}

// selectReceive: a select with a receive orders both branches.
func selectReceive(stop chan struct{}) int {
	done := make(chan struct{})
	var n int
	go func() {
		n = compute()
		close(done)
	}()
	select {
	case <-done:
		return n
	case <-stop:
		return -1
	}
}

// lockedBothSides: the same mutex is held at both accesses.
func lockedBothSides() int {
	var mu sync.Mutex
	var n int
	go func() {
		mu.Lock()
		n = compute()
		mu.Unlock()
	}()
	mu.Lock()
	defer mu.Unlock()
	return n
}

// writeBeforeGo: the spawner writes before the go statement only.
func writeBeforeGo() {
	limit := 10
	limit = 20
	go func() {
		use(limit)
	}()
}

// perIterationCopy: each goroutine gets its own copy.
func perIterationCopy(xs []int) {
	for _, x := range xs {
		v := x
		go func() {
			v *= 2
			use(v)
		}()
	}
}

// addressPassed: the variable escapes through its address; the rule
// cannot see every access and stays silent.
func addressPassed() int {
	var n int
	go func() {
		fill(&n)
	}()
	return n
}

// helperWaits: a helper handed the WaitGroup waits.
func helperWaits() int {
	var wg sync.WaitGroup
	var n int
	wg.Add(1)
	go func() {
		defer wg.Done()
		n = compute()
	}()
	waitAll(&wg)
	return n
}

func waitAll(wg *sync.WaitGroup) { wg.Wait() }

// rangeOverResults: draining a channel orders the writes before the read.
func rangeOverResults() int {
	ch := make(chan int)
	var last int
	go func() {
		last = compute()
		ch <- last
		close(ch)
	}()
	for v := range ch {
		use(v)
	}
	return last
}

// readOnlyInGoroutine: the goroutine only reads, nobody writes after the go.
func readOnlyInGoroutine() {
	name := "worker"
	go func() {
		use(len(name))
	}()
	use(len(name))
}

// startSignal: the goroutine waits for the spawner's signal before it
// touches the variable the spawner set.
func startSignal() {
	start := make(chan struct{})
	cfg := 0
	go func() {
		<-start
		use(cfg)
	}()
	cfg = 5
	close(start)
}

type pool struct{ wg sync.WaitGroup }

func (p *pool) StopAndWait() { p.wg.Wait() }

// waitingHelper: a method whose name says it waits for the workers.
func waitingHelper(p *pool) int {
	var n int
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		n = compute()
	}()
	p.StopAndWait()
	return n
}
