// Package good holds WaitGroup uses a naive checker of Wait in a loop
// would report.
package good

import "sync"

// Wait after the loop: the usual shape.
func after(items []int) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	for range items {
		go func() { defer wg.Done() }()
	}
	wg.Wait()
}

// One batch per iteration: Add, start, Wait inside the loop.
func batches(rounds [][]int) {
	var wg sync.WaitGroup
	for _, r := range rounds {
		wg.Add(len(r))
		for range r {
			go func() { defer wg.Done() }()
		}
		wg.Wait()
	}
}

// Add per goroutine inside the loop, Wait in it: one goroutine at a time.
func serial(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { defer wg.Done() }()
		wg.Wait()
	}
}

// The loop leaves right after the Wait: it is not waited on again.
func firstOnly(items []int) {
	var wg sync.WaitGroup
	wg.Add(1)
	for range items {
		go func() { defer wg.Done() }()
		wg.Wait()
		break
	}
}

// The goroutines started in the loop do not count on this WaitGroup.
func other(items []int) {
	var wg, done sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done() }()
	done.Add(len(items))
	for range items {
		go func() { defer done.Done() }()
		wg.Wait()
	}
	done.Wait()
}
