// Package good holds lock uses SA2003 must not report.
package good

import "sync"

// lookup defers the matching RUnlock.
func lookup(mu *sync.RWMutex, m map[string]string, k string) string {
	mu.RLock()
	defer mu.RUnlock()
	return m[k]
}

// withUnlocked releases the lock for f and takes it back on the way out, a
// deliberate unlock-then-relock, not the typo SA2003 looks for.
func withUnlocked(mu *sync.Mutex, f func()) {
	mu.Unlock()
	defer mu.Lock()
	f()
}
