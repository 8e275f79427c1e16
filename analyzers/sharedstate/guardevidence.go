package sharedstate

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// guardEvidence is what, beyond the majority of accesses, says that an
// unguarded access races. The majority alone is weak evidence on real code:
// helpers called with the lock held from all callers but a constructor,
// callbacks serialised by a framework and fields confined to one goroutine
// all look the same to it. Accesses with one of the kinds below are
// unguarded-field findings, the rest unguarded-field-inferred. Three more
// kinds were measured on the corpus and left out (triage of session 18):
// an access in a goroutine body (1 race in 6), on a value the function
// itself shared before (0 in 12), and in a helper an exported function
// calls unlocked (1 in 12).
type guardEvidence uint8

const (
	// majorityOnly: nothing but the majority of accesses.
	majorityOnly guardEvidence = iota
	// declaredGuard: a +checklocks annotation or a "mu guards x" comment.
	declaredGuard
	// lockedElsewhere: the same function takes the guard on the same
	// object at another point, so its author knew the lock exists and the
	// access sits outside the critical section (before Lock, after
	// Unlock).
	lockedElsewhere
	// exportedEntry: an exported function or method touches a field of
	// its parameter or receiver; the package cannot know its callers, who
	// reach it beside the locked methods.
	exportedEntry
)

// evidenceOf classifies the unguarded access a of a field whose guard is
// guard.
func evidenceOf(a access, guard string, declared bool) guardEvidence {
	switch {
	case declared:
		return declaredGuard
	case acquiresGuard(a.fn, a.obj, guard):
		return lockedElsewhere
	case exportedEntryAccess(a.fn.Fn, a.obj):
		return exportedEntry
	}
	return majorityOnly
}

// acquiresGuard reports whether f takes the guard of obj itself (or
// through a callee): guard names a mutex field of obj, or a global.
func acquiresGuard(f *locks.Func, obj locks.Ref, guard string) bool {
	for _, acq := range f.Acquisitions {
		if name, ok := fieldGuardName(acq.Lock, obj); ok && name == guard {
			return true
		}
	}
	return false
}

// exportedEntryAccess reports whether fn is an exported function or method
// (of any type: an unexported type's exported methods are there to be
// called through an interface) and obj is reached from one of its
// parameters (the receiver included).
func exportedEntryAccess(fn *ssa.Function, obj locks.Ref) bool {
	if fn.Parent() != nil || !token.IsExported(fn.Name()) {
		return false
	}
	p, ok := obj.Root.(*ssa.Parameter)
	return ok && paramIndex(fn, p) >= 0
}

// handedLocks returns the locks f releases, with a direct or a deferred
// Unlock, without taking them: its caller (or the spawner of the goroutine
// it is) hands them over held.
func handedLocks(f *locks.Func) []locks.Ref {
	var out []locks.Ref
	for _, h := range f.Assumed {
		out = append(out, h.Lock)
	}
	for _, b := range f.Fn.Blocks {
		for _, ins := range b.Instrs {
			d, ok := ins.(*ssa.Defer)
			if !ok {
				continue
			}
			if mu, ok := locks.UnlockedBy(&d.Call); ok {
				if l := locks.RefOf(mu); l.Shared() && !acquires(f, l) && !slices.Contains(out, l) {
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// acquires reports whether f takes l.
func acquires(f *locks.Func, l locks.Lock) bool {
	for _, acq := range f.Acquisitions {
		if acq.Lock == l {
			return true
		}
	}
	return false
}
