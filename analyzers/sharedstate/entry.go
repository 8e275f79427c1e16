package sharedstate

import (
	"go/ast"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/heuristics"
)

// entryInfo is what every caller in the package guarantees a function on
// entry.
type entryInfo struct {
	// fresh are the parameters every caller passes a value it allocated
	// itself and has not published yet (a constructor's helper).
	fresh map[int]bool
	// held are the locks, in the function's terms, every caller holds.
	held []locks.Ref
}

// isFresh reports whether parameter i is always a fresh value.
func (e *entryInfo) isFresh(i int) bool { return e != nil && i >= 0 && e.fresh[i] }

// heldLocks returns the locks every caller holds (nil-safe).
func (e *entryInfo) heldLocks() []locks.Ref {
	if e == nil {
		return nil
	}
	return e.held
}

// entryInfo returns what callers guarantee each function, computed once.
func (c *checker) entryInfo() map[*ssa.Function]*entryInfo {
	if c.entry == nil {
		c.entry = c.callerHeld()
	}
	return c.entry
}

// guardsFor names the locks held on entry that guard obj's fields.
func (e *entryInfo) guardsFor(obj locks.Ref) []string {
	if e == nil {
		return nil
	}
	var out []string
	for _, l := range e.held {
		if isFieldOf(l, obj) {
			out = append(out, strings.TrimSuffix(l.Path[len(obj.Path)+1:], "*"))
		} else if g, ok := l.Root.(*ssa.Global); ok && l.Path == "" {
			out = append(out, "global:"+g.Pkg.Pkg.Path()+"."+g.Name())
		}
	}
	return out
}

// callerHeld computes, for each function called in the package, the
// locks all its callers hold and the parameters they all pass fresh. A
// function whose address is taken may be called from anywhere, so it
// gets nothing; a closure a helper runs before returning gets what its
// creators hold around the helper call (sarama's endTxn retry closure).
func (c *checker) callerHeld() map[*ssa.Function]*entryInfo {
	sites := map[*ssa.Function][]siteCall{}
	for _, g := range c.locks.Funcs {
		for _, call := range g.Calls {
			sites[call.Callee] = append(sites[call.Callee], siteCall{caller: g.Fn, Call: call})
		}
	}
	taken := c.addressTaken()
	closures := c.syncClosureSites()
	out := map[*ssa.Function]*entryInfo{}
	handed := map[*ssa.Function][]locks.Ref{}
	for _, f := range c.locks.Funcs {
		if expectsLock(f.Fn) {
			out[f.Fn] = &entryInfo{fresh: map[int]bool{}, held: receiverMutexes(f.Fn)}
		}
		if h := handedLocks(f); len(h) > 0 {
			handed[f.Fn] = h
		}
	}
	// Which arguments a call passes fresh does not change from round to
	// round: computed once per site (publication and reachability walks,
	// eight rounds over every call of the package otherwise).
	freshArgs := map[siteKey]map[int]bool{}
	// Rounds carry what callers hold down chains of helpers (eight calls
	// deep: etcd's WAL reaches tail through Save, cut, seq).
	for range 8 {
		next := map[*ssa.Function]*entryInfo{}
		for fn, info := range out {
			if expectsLock(fn) {
				next[fn] = info
			}
		}
		for fn, held := range handed {
			// Entered with the locks it releases: a goroutine its
			// spawner hands them to (defer mu.Unlock() inside go func).
			info := &entryInfo{fresh: map[int]bool{}, held: held}
			if prev := next[fn]; prev != nil {
				info.held = append(slices.Clone(prev.held), held...)
			}
			next[fn] = info
		}
		for fn, calls := range sites {
			if taken[fn] {
				continue
			}
			var info *entryInfo
			for _, call := range calls {
				if call.caller == fn && len(calls) > 1 {
					// A recursive call runs inside fn, under what fn's
					// other callers hold (a tree walk below its locked
					// entry point).
					continue
				}
				k := siteKey{call.Call.Call, fn}
				fresh, ok := freshArgs[k]
				if !ok {
					fresh = freshParams(fn, call)
					freshArgs[k] = fresh
				}
				site := atSite(fn, call, out[call.caller], fresh)
				if info == nil {
					info = site
				} else {
					info = intersect(info, site, fn.Params)
				}
			}
			if info == nil {
				info = &entryInfo{fresh: map[int]bool{}} // only recursive calls
			}
			if held := next[fn]; held != nil {
				// Documented to run with the receiver's lock held: that,
				// and whatever else every caller holds (the config's
				// lock beside the client's).
				info = &entryInfo{fresh: info.fresh, held: append(slices.Clone(held.held), info.held...)}
			}
			next[fn] = info
		}
		for fn, sites := range closures {
			next[fn] = closureEntry(fn, sites, out)
		}
		out = next
	}
	return out
}

// siteCall is a call with its caller.
type siteCall struct {
	caller *ssa.Function
	locks.Call
}

// receiverMutexes names the mutex fields of fn's receiver: what a function
// documented to run with "the lock" held holds.
func receiverMutexes(fn *ssa.Function) []locks.Ref {
	if fn.Signature.Recv() == nil || len(fn.Params) == 0 {
		return nil
	}
	recv := fn.Params[0]
	p, ok := recv.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []locks.Ref
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if locks.IsMutexType(f.Type()) {
			path := "." + f.Name()
			if _, isPtr := f.Type().Underlying().(*types.Pointer); isPtr {
				path += "*"
			}
			out = append(out, locks.Ref{Root: recv, Path: path})
		}
	}
	return out
}

// heldNote matches the doc comments that state a function's contract
// that its caller holds the lock: "Caller must hold b.mu", "c.mu must be
// held", "Lock should be held", "Lock held on entry", "Runs under the
// subscription lock", "Assumes the lock is held" (the held-doc entry of
// analyzers/internal/meta/heuristics).
var heldNote = regexp.MustCompile(`(?i)(must|should)( already)? (be )?(hold|held|locked)|\block(ed)? (is |must be |should be )?held|\bheld by the caller|\bwith (the )?\w*\s?(lock|mutex|mu) held|\bunder (the |a )?(\w+ )?(lock|mutex)\b|\b(lock|mutex|mu) (is )?(already )?held\b|\bholding (the )?\w*\s?(lock|mutex|mu)\b|\bassumes? .*(lock|mutex)`)

// expectsLock reports whether fn says its caller holds the lock: by the
// ...Locked naming convention or by its doc comment's contract (a defect
// note, "BUG: should hold mu", states no contract).
func expectsLock(fn *ssa.Function) bool {
	if expectsLockByName(fn) {
		return true
	}
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	return ok && decl.Doc != nil && heldNote.MatchString(heuristics.WithoutDefectNotes(decl.Doc.Text()))
}

// siteKey is one call of one callee (a dynamic call may have several).
type siteKey struct {
	call   ssa.CallInstruction
	callee *ssa.Function
}

// freshParams returns the parameters of fn that call passes a value the
// caller allocated and has not published.
func freshParams(fn *ssa.Function, call siteCall) map[int]bool {
	fresh := map[int]bool{}
	for j, arg := range call.Call.Call.Common().Args {
		if j >= len(fn.Params) {
			break
		}
		if unpublished(arg, call.Call.Call) && locks.RefOf(arg).Path == "" {
			fresh[j] = true
		}
	}
	return fresh
}

// atSite is what one call guarantees its callee, fresh being
// freshParams(fn, call) (shared, never written).
func atSite(fn *ssa.Function, call siteCall, callerEntry *entryInfo, fresh map[int]bool) *entryInfo {
	info := &entryInfo{fresh: fresh}
	args := call.Call.Call.Common().Args
	held := make([]locks.Ref, 0, len(call.Held))
	for _, h := range call.Held {
		held = append(held, h.Lock)
	}
	if callerEntry != nil {
		held = append(held, callerEntry.held...)
	}
	for _, l := range held {
		if _, ok := l.Root.(*ssa.Global); ok {
			info.held = append(info.held, l)
			continue
		}
		for j, arg := range args {
			if j >= len(fn.Params) {
				break
			}
			ar := locks.RefOf(arg)
			if ar.Root == l.Root && strings.HasPrefix(l.Path, ar.Path+".") {
				info.held = append(info.held, locks.Ref{Root: fn.Params[j], Path: l.Path[len(ar.Path):]})
			}
		}
	}
	return info
}

// intersect keeps what both guarantee. A site that passes a parameter
// fresh guarantees every lock of it (nobody else can touch the value), so
// the other site's locks on that parameter stand: a helper called with the
// lock held by every caller except the constructor.
func intersect(a, b *entryInfo, params []*ssa.Parameter) *entryInfo {
	out := &entryInfo{fresh: map[int]bool{}}
	for i := range a.fresh {
		if b.fresh[i] {
			out.fresh[i] = true
		}
	}
	keep := func(l locks.Ref, other *entryInfo) bool {
		return slices.Contains(other.held, l) || other.fresh[slices.Index(params, rootParam(l))]
	}
	for _, l := range a.held {
		if keep(l, b) {
			out.held = append(out.held, l)
		}
	}
	for _, l := range b.held {
		if !slices.Contains(out.held, l) && keep(l, a) {
			out.held = append(out.held, l)
		}
	}
	return out
}

// rootParam returns the parameter l is rooted in, or nil.
func rootParam(l locks.Ref) *ssa.Parameter {
	p, _ := l.Root.(*ssa.Parameter)
	return p
}

// addressTaken returns the package's functions used as values (method
// values, callbacks, goroutine bodies): callers outside the static call
// graph may call them.
func (c *checker) addressTaken() map[*ssa.Function]bool {
	out := map[*ssa.Function]bool{}
	var ops []*ssa.Value
	for _, f := range c.locks.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				ops = ins.Operands(ops[:0])
				for i, op := range ops {
					fn, ok := (*op).(*ssa.Function)
					if !ok {
						continue
					}
					if call, ok := ins.(*ssa.Call); ok && i == 0 && call.Call.Value == fn {
						continue
					}
					out[fn] = true
				}
			}
		}
	}
	return out
}
