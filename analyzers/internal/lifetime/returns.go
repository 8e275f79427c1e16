package lifetime

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
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
		if t.aliases[r] {
			return true
		}
	}
	return false
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
		if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) {
			continue
		}
		if !(cmp.X == v && isNil(cmp.Y) || cmp.Y == v && isNil(cmp.X)) {
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
