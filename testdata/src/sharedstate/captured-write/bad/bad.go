// Package bad holds variables shared between a goroutine closure and its
// spawner without synchronisation.
package bad

import (
	"errors"
	"sync"
	"time"
)

func compute() int { return 42 }

func use(int) {}

// readAfterGo: the goroutine's result is read straight after the go.
func readAfterGo() int {
	var n int
	go func() {
		n = compute()
	}()
	return n // want `n is written by the goroutine started at line 18 \(line 19\) and accessed here`
}

// sleepIsNoSync: time.Sleep does not order the goroutine's write.
func sleepIsNoSync() {
	var n int
	go func() {
		n = compute()
	}()
	time.Sleep(time.Millisecond)
	use(n) // want `n is written by the goroutine`
}

// errorRace: an error set by the goroutine is returned unsynchronised.
func errorRace() error {
	var err error
	go func() {
		err = errors.New("failed")
	}()
	return err // want `err is written by the goroutine`
}

// spawnerWritesAfter: the goroutine reads what the spawner overwrites.
func spawnerWritesAfter() {
	limit := 10
	go func() {
		use(limit)
	}()
	limit = 20 // want `limit is read by the goroutine started at line 46`
	use(limit)
}

// bothWrite: both sides write the variable.
func bothWrite() {
	state := "idle"
	go func() {
		state = "running"
	}()
	state = "stopped" // want `state is written by the goroutine`
	_ = state
}

// waitOnOneBranch: the Wait only happens on one path to the read.
func waitOnOneBranch(block bool) int {
	var wg sync.WaitGroup
	var n int
	wg.Add(1)
	go func() {
		defer wg.Done()
		n = compute()
	}()
	if block {
		wg.Wait()
	}
	return n // want `n is written by the goroutine`
}

// lockedOnOneSide: the goroutine locks, the spawner does not.
func lockedOnOneSide() int {
	var mu sync.Mutex
	var n int
	go func() {
		mu.Lock()
		n++
		mu.Unlock()
	}()
	return n // want `n is written by the goroutine`
}

// loopSpawn: goroutines in a loop add to a total the spawner returns.
func loopSpawn(xs []int) int {
	total := 0
	for _, x := range xs {
		go func() {
			total += x // want `total is written by every goroutine started at line 94 in this loop`
		}()
	}
	return total // want `total is written by the goroutine`
}

// waitBeforeGo: the Wait comes before the goroutine is started.
func waitBeforeGo() int {
	var wg sync.WaitGroup
	var n int
	wg.Wait()
	go func() {
		n = compute()
	}()
	return n // want `n is written by the goroutine`
}

// pollFlag: a busy loop polling a plain bool; modelled on the
// "done flag" races the Go memory model warns about.
func pollFlag() {
	done := false
	go func() {
		done = true
	}()
	for !done { // want `done is written by the goroutine`
		time.Sleep(time.Millisecond)
	}
}

// resetAfterStart: the spawner resets a counter the goroutine updates.
func resetAfterStart() {
	count := 0
	go func() {
		for i := 0; i < 3; i++ {
			count++
		}
	}()
	count = 0 // want `count is written by the goroutine`
	use(count)
}
