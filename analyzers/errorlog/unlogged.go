package errorlog

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// checkUnlogged reports log calls in a branch where a call's error is
// non-nil and the branch never uses the error: the log line says that
// something failed, never why. A branch that logs without the error but
// returns or wraps it is left alone (the cause travels on).
func (c *checker) checkUnlogged(br *errBranch) {
	if br.errUsed() {
		return
	}
	for _, call := range br.calls(c.logs.isLog) {
		if c.describedByLog(br, call) {
			continue
		}
		msg := fmt.Sprintf("this log line is written because %s (line %d) failed, but it does not include the error, so the log cannot say why; add %s to it (e.g. slog.Any(\"err\", err), zap.Error(err), or %%v)",
			calleeName(br.call), c.line(br.call.Pos()), nameOr(exprName(br.errExpr), "the error"))
		pos, end := c.callRange(call.Pos())
		c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleUnlogged, Message: msg})
	}
}

// calls returns the calls in the branch's body for which pred holds,
// in order.
func (br *errBranch) calls(pred func(*ssa.CallCommon) bool) []*ssa.CallCommon {
	var out []*ssa.CallCommon
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		for _, ins := range b.Instrs {
			ci, ok := ins.(ssa.CallInstruction)
			if ok && br.inBody(ins) && pred(ci.Common()) {
				out = append(out, ci.Common())
			}
		}
	}
	return out
}

// describedByLog reports whether the failed call is pure (a parse) and
// the log call carries every operand of it that is not a constant: the
// logged value reproduces the error, so the line says what the error
// would ("ignored file in WAL directory" with the name that did not
// parse, etcd).
func (c *checker) describedByLog(br *errBranch, log *ssa.CallCommon) bool {
	if !c.logs.isPure(br.call) {
		return false
	}
	for _, a := range br.call.Args {
		if _, ok := a.(*ssa.Const); ok {
			continue
		}
		if !carries(log, taint(sameValues(br.fn, a)...)) {
			return false
		}
	}
	return true
}

// sameValues returns v and the values of fn that load the same variable
// or field as v (d.Version parsed, then d.Version logged).
func sameValues(fn *ssa.Function, v ssa.Value) []ssa.Value {
	out := []ssa.Value{v}
	if _, ok := v.(*ssa.UnOp); !ok {
		return out
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if u, ok := ins.(*ssa.UnOp); ok && u != v && sameOperand(u, v) {
				out = append(out, u)
			}
		}
	}
	return out
}
