// Package bad holds lock uses SA2003 reports.
package bad

import "sync"

// lookup defers Lock instead of Unlock: the deferred Lock deadlocks the
// next caller. (SA2003 compares the mutex operands in staticcheck's IR, so
// it sees the typo when both calls use the same value, here a parameter.)
func lookup(mu *sync.Mutex, m map[string]string, k string) string {
	mu.Lock()
	defer mu.Lock() // want `deferring Lock right after having locked already; did you mean to defer Unlock\?`
	return m[k]
}
