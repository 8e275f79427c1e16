package sharedstate

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
)

// guardEvidence is what, beyond the majority of accesses, says that an
// unguarded access races. The majority alone is weak evidence on real code:
// helpers called with the lock held from all callers but a constructor,
// callbacks serialised by a framework and fields confined to one goroutine
// all look the same to it (a fifth of such findings on the corpus were
// races). Each kind below names a path on which the access runs beside the
// locked ones, or says the author knows the field needs the lock; accesses
// with such evidence are unguarded-field findings, the rest
// unguarded-field-inferred.
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
	// goroutineBody: the access runs in a goroutine the package starts
	// (a go statement's function or closure), while other functions hold
	// the guard.
	goroutineBody
	// sharedHere: the function created the object and shared it (started a
	// goroutine on it, stored it where others reach it) before the access.
	sharedHere
	// exportedEntry: an exported function or method touches a field of
	// its parameter or receiver; the package cannot know its callers, who
	// reach it beside the locked methods.
	exportedEntry
	// entryCallsHelper: an exported function or a goroutine body calls the
	// accessing helper holding no lock.
	entryCallsHelper
)

// evidenceOf classifies the unguarded access a of a field whose guard is
// guard (example is an access that holds it).
// The string is the caller, for entryCallsHelper.
func (g *guardContext) evidenceOf(a, example access, guard string, declared bool) (guardEvidence, string) {
	switch {
	case declared:
		return declaredGuard, ""
	case acquiresGuard(a.fn, a.obj, guard):
		return lockedElsewhere, ""
	case example.fn != a.fn && runsAsGoroutine(a.fn.Fn, g.started):
		return goroutineBody, ""
	case publishedHere(a.obj):
		return sharedHere, ""
	case exportedEntryAccess(a.fn.Fn, a.obj):
		return exportedEntry, ""
	}
	if entry := g.unlockedEntryCaller(a.fn.Fn, example.fn); entry != nil {
		return entryCallsHelper, entry.Name()
	}
	return majorityOnly, ""
}

// guardContext is what classifying evidence needs of the package.
type guardContext struct {
	started map[*ssa.Function]bool
	callers map[*ssa.Function][]caller
}

// caller is a call site of a function of the package.
type caller struct {
	fn *locks.Func
	// held: some lock is held at the call; fresh: an argument is an
	// unpublished value (a constructor filling in what it built).
	held, fresh bool
}

func (c *checker) guardContext() *guardContext {
	g := &guardContext{started: c.goStarted(), callers: map[*ssa.Function][]caller{}}
	for _, f := range c.locks.Funcs {
		for _, call := range f.Calls {
			// A function entered holding a lock it later releases (a
			// goroutine its spawner hands the lock to) holds it here too.
			held := len(call.Held) > 0 || len(handedLocks(f)) > 0
			g.callers[call.Callee] = append(g.callers[call.Callee], caller{fn: f, held: held, fresh: passesFresh(call.Call)})
		}
	}
	return g
}

// unlockedEntryCaller returns a caller of fn with evidence of its own (an
// exported function or method, or a goroutine body) that calls it holding
// no lock at all, or nil: the helper's unguarded access is then reached
// beside the locked ones (wal.Name calling tail, which the locked methods
// also call).
func (g *guardContext) unlockedEntryCaller(fn *ssa.Function, locked *locks.Func) *ssa.Function {
	for _, c := range g.callers[fn] {
		if c.held || c.fresh || c.fn == locked {
			continue
		}
		if c.fn.Fn.Parent() == nil && token.IsExported(c.fn.Fn.Name()) || runsAsGoroutine(c.fn.Fn, g.started) {
			return c.fn.Fn
		}
	}
	return nil
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

// runsAsGoroutine reports whether fn, or the function it is a closure of,
// is started by a go statement of the package.
func runsAsGoroutine(fn *ssa.Function, started map[*ssa.Function]bool) bool {
	for ; fn != nil; fn = fn.Parent() {
		if started[fn] || fn.Parent() != nil && launchedByGo(fn) {
			return true
		}
	}
	return false
}

// exportedEntry reports whether fn is an exported function or method
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

// publishedHere reports whether obj is an object fn itself creates (a
// local allocation or a call's result) that is no longer fresh at the
// access: fn shared it (go w.sync(), a store into shared memory) before
// touching it.
func publishedHere(obj locks.Ref) bool {
	switch obj.Root.(type) {
	case *ssa.Alloc, *ssa.Call:
		return true
	}
	return false
}

// passesFresh reports whether call passes a value its caller has not yet
// published.
func passesFresh(call ssa.CallInstruction) bool {
	for _, arg := range call.Common().Args {
		if unpublished(arg, call) {
			return true
		}
	}
	return false
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
