package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// A timer that has fired holds nothing: receiving from its channel C, on
// its own or as the chosen case of a select, releases it as Stop would.
// (A ticker keeps ticking, so this is for timers only.)

// isTimerChan reports whether v loads the tracked timer's channel C.
func (t *tracker) isTimerChan(v ssa.Value) bool {
	if t.kind != KindTimer {
		return false
	}
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	return ok && t.aliases[fa.X] && typematch.FieldName(fa.X.Type(), fa.Field) == "C"
}

// receivesFired reports whether ins is <-t.C on the tracked timer.
func (t *tracker) receivesFired(ins ssa.Instruction) bool {
	u, ok := ins.(*ssa.UnOp)
	return ok && u.Op == token.ARROW && t.isTimerChan(u.X)
}

// selectFired reports whether the true edge of ins is the select case that
// received from the tracked timer's C ("if index == k" after a select).
func (t *tracker) selectFired(ins *ssa.If) bool {
	if t.kind != KindTimer {
		return false
	}
	cmp, ok := ins.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL {
		return false
	}
	idx, ok := cmp.X.(*ssa.Extract)
	k, isConst := cmp.Y.(*ssa.Const)
	if !ok || !isConst || idx.Index != 0 || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	sel, ok := idx.Tuple.(*ssa.Select)
	n, exact := constant.Int64Val(k.Value)
	if !ok || !exact || n < 0 || int(n) >= len(sel.States) {
		return false
	}
	st := sel.States[n]
	return st.Dir == types.RecvOnly && t.isTimerChan(st.Chan)
}
