package sharedstate

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// lockLeaks reports a lock acquired in f and still held at one return
// while other returns release it: the early return that forgot Unlock.
// A function that returns holding the lock on every path is a lock helper
// by design (its summary says so to its callers), and is not reported.
func (c *checker) lockLeaks(f *locks.Func) {
	byName := acquiresByName(f.Fn)
	reported := map[locks.Lock]bool{}
	for _, ex := range f.Exits {
		if byName && !returnsError(ex.Ret) {
			continue
		}
		for _, h := range ex.Held {
			if h.Site == nil || reported[h.Lock] || !h.Lock.Shared() || heldAtEveryExit(f, h.Lock) {
				continue
			}
			if returnsOwnership(ex.Ret, h.Lock) || releasedLater(f, h.Lock) || c.callersUnlock(f, h.Lock) {
				continue
			}
			reported[h.Lock] = true
			c.reportLeak(f, ex, h)
		}
	}
	c.lockLeaksOnSomePaths(f, reported, byName)
}

// returnsError reports whether ret returns an error that is certainly not
// nil. A function named for acquiring a lock hands it over on success;
// its callers, seeing an error, owe nothing (the (v, err) convention), so
// a lock still held there is leaked whatever the name
// (etcd-io/etcd#5509: acquire returned ErrConnClosed read-locked).
func returnsError(ret *ssa.Return) bool {
	for _, r := range ret.Results {
		if flow.NonNilError(r) {
			return true
		}
	}
	return false
}

// lockLeaksOnSomePaths reports a lock whose Lock call dominates a return
// that some path reaches without unlocking, while other paths into the
// same return do unlock (a break out of a loop that skips the Unlock,
// cockroachdb/cockroach#584). Requiring the Lock to dominate the return
// keeps out locks taken under a condition and released under the same
// one, which only a path-insensitive analysis would confuse.
func (c *checker) lockLeaksOnSomePaths(f *locks.Func, reported map[locks.Lock]bool, byName bool) {
	for _, acq := range f.Acquisitions {
		if acq.Via != nil || acq.Try || reported[acq.Lock] || !acq.Lock.Shared() || !releasedSomewhere(f, acq.Lock) || f.EnteredHolding(acq.Lock) {
			continue
		}
		lockBlock := acq.Call.(ssa.Instruction).Block()
		for _, ret := range f.ReturnsStillHolding(acq) {
			if !lockBlock.Dominates(ret.Block()) || byName && !returnsError(ret) || returnsOwnership(ret, acq.Lock) || releasedLater(f, acq.Lock) || c.callersUnlock(f, acq.Lock) {
				continue
			}
			reported[acq.Lock] = true
			h := locks.Held{Lock: acq.Lock, Mode: acq.Mode, Site: acq.Call.(ssa.Instruction)}
			c.reportLeak(f, locks.Exit{Ret: ret}, h)
			break
		}
	}
}

// releasedSomewhere reports whether f unlocks l directly on some path.
func releasedSomewhere(f *locks.Func, l locks.Lock) bool {
	for _, r := range f.Releases {
		if r.Lock == l {
			return true
		}
	}
	return false
}

func (c *checker) reportLeak(f *locks.Func, ex locks.Exit, h locks.Held) {
	name := h.Lock.Name()
	unlock := "Unlock"
	if h.Mode == locks.Read {
		unlock = "RUnlock"
	}
	site := h.Site.Pos()
	exit := ex.Ret.Pos()
	if body := bodyOf(f.Fn); !exit.IsValid() && body != nil {
		exit = body.Rbrace // the implicit return at the end of the body
	}
	if !exit.IsValid() {
		return
	}
	msg := fmt.Sprintf("%s locked at line %d is still held when the function returns at line %d, though other paths unlock it; call %s.%s() before this return, or defer it right after locking",
		name, c.line(site), c.line(exit), name, unlock)
	c.pass.Report(c.pos.diagnostic(RuleLockLeak, exit, msg, c.related(site, "locked here")))
}

// heldAtEveryExit reports whether every return of f leaves l held.
func heldAtEveryExit(f *locks.Func, l locks.Lock) bool {
	for _, ex := range f.Exits {
		found := false
		for _, h := range ex.Held {
			if h.Lock == l {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// acquiresByName reports whether the function's name says it acquires a
// lock for its caller: a conditional acquire is then its contract, and a
// path that returns holding the lock without an error hands it over. The
// convention is read on camel-case words, not on lower-cased text: the
// name starts with the word Lock, RLock, Acquire, TryLock, TryRLock,
// TryAcquire or MustLock (lockShard, RLock, tryAcquireSlot), or has the
// word Acquire anywhere (connAcquire). lockstepAdvance, locker or
// lockfile are not lock helpers. A closure is judged by the function it
// is nested in.
func acquiresByName(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	w := camelWords(fn.Name())
	if slices.Contains(w, "acquire") {
		return true
	}
	if len(w) > 0 && (w[0] == "try" || w[0] == "must") {
		w = w[1:]
	}
	if len(w) > 1 && w[0] == "r" && w[1] == "lock" {
		w = w[1:]
	}
	return len(w) > 0 && (w[0] == "lock" || w[0] == "rlock" || w[0] == "acquire")
}

// camelWords splits a Go identifier into its lower-cased camel-case
// words: RLock is r, lock; tryAcquireSlot is try, acquire, slot; HTTPLock
// is http, lock; snake_case splits on the underscores.
func camelWords(name string) []string {
	var words []string
	start := 0
	r := []rune(name)
	for i := 1; i <= len(r); i++ {
		boundary := i == len(r) || r[i] == '_' ||
			unicode.IsUpper(r[i]) && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) ||
				i+1 < len(r) && unicode.IsUpper(r[i-1]) && unicode.IsLower(r[i+1]))
		if !boundary {
			continue
		}
		if w := strings.Trim(string(r[start:i]), "_"); w != "" {
			words = append(words, strings.ToLower(w))
		}
		start = i
	}
	return words
}

// returnsOwnership reports whether ret hands the lock to the caller: it
// returns a func (the unlock), a mutex, or the object the lock belongs to.
func returnsOwnership(ret *ssa.Return, l locks.Lock) bool {
	for _, r := range ret.Results {
		if isFunc(r) || locks.IsMutexType(r.Type()) || typematch.Named(r.Type(), "sync", "Locker") {
			return true // the unlock, or the mutex itself, goes to the caller
		}
		if rr := locks.RefOf(r); rr.Root == l.Root && strings.HasPrefix(l.Path, rr.Path) {
			return true
		}
	}
	return false
}

// isFunc reports whether v has a func type.
func isFunc(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Signature)
	return ok
}

// releasedLater reports whether f makes a closure (a goroutine, a callback,
// a stored func) that releases l: the unlock happens outside f's paths.
func releasedLater(f *locks.Func, l locks.Lock) bool {
	for _, anon := range f.Fn.AnonFuncs {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				mc, ok := ins.(*ssa.MakeClosure)
				if !ok || mc.Fn != anon {
					continue
				}
				if closureUnlocks(anon, mc, l) {
					return true
				}
			}
		}
	}
	return false
}

// closureUnlocks reports whether the closure made by mc unlocks l (named
// in the maker's terms), anywhere in its body.
func closureUnlocks(anon *ssa.Function, mc *ssa.MakeClosure, l locks.Lock) bool {
	for _, b := range anon.Blocks {
		for _, ins := range b.Instrs {
			var common *ssa.CallCommon
			switch ins := ins.(type) {
			case *ssa.Call:
				common = ins.Common()
			case *ssa.Defer:
				common = ins.Common()
			default:
				continue
			}
			mu, ok := locks.UnlockedBy(common)
			if !ok {
				continue
			}
			if locks.InCaller(anon, locks.RefOf(mu), nil, mc.Bindings) == l {
				return true
			}
		}
	}
	return false
}

// callersUnlock reports whether a caller of f in the package unlocks the
// lock (mapped to its own terms) without locking it itself: f hands the
// lock over on some paths, by contract.
func (c *checker) callersUnlock(f *locks.Func, l locks.Lock) bool {
	for _, g := range c.locks.Funcs {
		for _, call := range g.Calls {
			if call.Callee != f.Fn {
				continue
			}
			mapped := locks.InCaller(f.Fn, l, call.Call.Common().Args, nil)
			for _, r := range g.Releases {
				if r.Lock == mapped && !r.WasHeld {
					return true
				}
			}
		}
	}
	return false
}
