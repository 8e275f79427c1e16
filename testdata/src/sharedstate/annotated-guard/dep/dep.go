// Package dep declares annotated state that other packages use: its
// annotations reach them as facts of the locks engine.
package dep

import "sync"

var (
	// +checklocks:StatsMu
	Requests int
	StatsMu  sync.Mutex
)

// Slot is a generic holder whose value its mutex guards.
type Slot[T any] struct {
	Mu sync.Mutex
	// +checklocks:Mu
	Val T
}

// Table is a map its mutex guards.
type Table struct {
	Mu sync.Mutex
	// +checklocks:Mu
	Rows map[string]int
}

// PutLocked stores a row; the caller holds t.Mu.
//
// +checklocks:t.Mu
func (t *Table) PutLocked(k string, v int) { t.Rows[k] = v }
