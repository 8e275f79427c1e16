package good

import "sync"

var flags = map[string]bool{}

// mainOnly: a global written by ordinary (not concurrent) code.
func mainOnly() {
	flags["verbose"] = true
}

var owned []int

// ownedByOne: a single goroutine is the only user of the global.
func ownedByOne() {
	go func() {
		for i := 0; i < 3; i++ {
			owned = append(owned, i)
		}
	}()
}

var squares = make([]int, 8)

// perIndex: each goroutine writes its own element, not the slice header.
func perIndex() {
	for i := range squares {
		go func() {
			squares[i] = i * i
		}()
	}
}

var total int

// lockedCounter: the goroutine increments under the package mutex.
func lockedCounter() int {
	go func() {
		mu.Lock()
		total++
		mu.Unlock()
	}()
	mu.Lock()
	defer mu.Unlock()
	return total
}

var local = map[string]int{}

// copyInGoroutine: the goroutine writes a copy, not the global.
func copyInGoroutine() {
	go func() {
		m := map[string]int{}
		for k, v := range local {
			m[k] = v
		}
		m["x"] = 1
	}()
	_ = local["y"]
}

var counts map[string]int

// initBeforeGo: the spawner fills the map before the goroutine starts and
// never touches it again; the goroutine owns it from then on.
func initBeforeGo(keys []string) {
	counts = map[string]int{}
	go func() {
		for _, k := range keys {
			counts[k]++
		}
	}()
}

var done []string

// waitedFor: the spawner reads the slice only after a receive.
func waitedFor(finished chan struct{}) int {
	go func() {
		done = append(done, "x")
		close(finished)
	}()
	<-finished
	return len(done)
}

// Mutex is a project's own lock interface; its constructor hands out a
// *sync.Mutex (or a debugging wrapper around one).
type Mutex interface {
	Lock()
	Unlock()
}

// RWMutex adds the read side, as *sync.RWMutex has it.
type RWMutex interface {
	Mutex
	RLock()
	RUnlock()
}

func newMutex() Mutex { return new(sync.Mutex) }

func newRWMutex() RWMutex { return new(sync.RWMutex) }

var (
	statsMu = newMutex()
	stats   = map[string]int{}
	seenMu  = newRWMutex()
	seen    = map[string]bool{}
)

// interfaceLock: the goroutines write under a lock held through the
// project's lock interface, which is a lock like sync.Locker is (modelled
// on the false positive in syncthing's lib/model blockStats, guarded by a
// lib/sync Mutex).
func interfaceLock(names []string) {
	for _, n := range names {
		go func() {
			statsMu.Lock()
			stats[n]++
			statsMu.Unlock()
			seenMu.Lock()
			defer seenMu.Unlock()
			seen[n] = true
		}()
	}
	seenMu.RLock()
	_ = seen["x"]
	seenMu.RUnlock()
}
