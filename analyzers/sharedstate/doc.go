// Package sharedstate defines an Analyzer that reports shared state touched without the lock that guards it.
//
// # Analyzer sharedstate
//
// sharedstate: reports shared state touched without the lock that guards it
//
// Fields and globals accessed both with and without the mutex that guards
// them, writes from goroutines without synchronisation, locks not released on
// some path and lock-order inversions. Guards are inferred from how the code
// already uses its locks; +checklocks annotations are honoured when present.
package sharedstate
