package lifetime

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// openReturns returns the returns that hand the resource to the caller
// still open: reached from the acquisition on a path that neither
// releases it nor lets it escape otherwise, and not returning an error
// known to be non-nil there (the caller owes nothing then, by the (v, err)
// convention). A wrapper that reads the body, closes it and returns the
// response with a buffered body returns nothing open (bodyclose#76).
func (a *Acquisition) openReturns() []*ssa.Return {
	w := walker{t: a.t, fn: a.Fn, acquire: a.Call, openReturns: true}
	var out []*ssa.Return
	for _, l := range w.leaks(a.Call.Block(), indexOf(a.Call)+1) {
		if l.Exit != nil && !returnsNonNilError(l.Exit) {
			out = append(out, l.Exit)
		}
	}
	return out
}

// returnsAlias reports whether ret returns the resource itself.
func (t *tracker) returnsAlias(ret *ssa.Return) bool {
	for _, r := range ret.Results {
		if t.aliases[storedResult(r)] {
			return true
		}
	}
	return false
}

// storedResult is what a return's result r is on the return's own path:
// in a function with defers, a return stores its results into result
// variables, runs the defers and loads them back, and the variable may
// hold the resource on another path (return nil, err beside return f,
// nil). The value stored by the same block before the load is the one
// returned, unless a deferred closure may change the variable in between
// (a captured named result). Otherwise r itself.
func storedResult(r ssa.Value) ssa.Value {
	u, ok := r.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return r
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return r
	}
	instrs := u.Block().Instrs
	for i := indexOf(u) - 1; i >= 0; i-- {
		switch ins := instrs[i].(type) {
		case *ssa.Store:
			if ins.Addr == a {
				return ins.Val
			}
		case *ssa.RunDefers, ssa.CallInstruction:
			if a.Heap && !onlyStoredHere(a, nil) {
				return r // a deferred closure, or a callee, may set it
			}
		}
	}
	return r
}

// returnsNonNilError reports whether ret's last result is an error known
// not to be nil there: ret lies under the non-nil edge of an "err != nil"
// test of that same value.
func returnsNonNilError(ret *ssa.Return) bool {
	if len(ret.Results) == 0 {
		return false
	}
	v := ret.Results[len(ret.Results)-1]
	if _, isConst := v.(*ssa.Const); isConst || !isError(v.Type()) || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || flow.NilCompared(cmp) != v {
			continue
		}
		for _, u := range *cmp.Referrers() {
			ifi, ok := u.(*ssa.If)
			if !ok {
				continue
			}
			nonNil := ifi.Block().Succs[0] // the true edge of err != nil
			if cmp.Op == token.EQL {
				nonNil = ifi.Block().Succs[1]
			}
			if len(nonNil.Preds) == 1 && nonNil.Dominates(ret.Block()) {
				return true
			}
		}
	}
	return false
}

// onlyStoredHere reports whether every change to variable a is a store of
// its own function: its address goes only to loads, stores into it, and
// closures that only load it, but those that mayStore accepts.
func onlyStoredHere(a *ssa.Alloc, mayStore func(*ssa.MakeClosure) bool) bool {
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			stores := mayStore != nil && mayStore(r)
			for i, b := range r.Bindings {
				if b == a && !onlyLoaded(r.Fn.(*ssa.Function).FreeVars[i], stores) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// onlyLoaded reports whether a closure only loads its free variable fv
// (or also stores into it, when stores).
func onlyLoaded(fv *ssa.FreeVar, stores bool) bool {
	for _, r := range *fv.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if !stores || r.Addr != fv {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}
