package goroutineleak

import (
	"go/ast"
	"go/version"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkTimeAfterLoop reports time.After calls made on every iteration of a
// for loop and waited on in a select, in files compiled before Go 1.23:
// each iteration starts a timer that lives until it fires. Since Go 1.23 a
// timer nobody references is collected at once, fired or not, so what is
// left is one allocation per iteration, not a finding.
func (p *passState) checkTimeAfterLoop(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || !isTimeAfter(call.Common()) || !flow.InCycle(b) {
				continue
			}
			if sel := selectOn(call); sel == nil || !otherCaseLoops(sel, call) {
				continue
			}
			if ce := p.callAt(call.Pos()); ce != nil && p.before123(ce) && p.inForBody(ce) {
				p.reportTimeAfterLoop(ce)
			}
		}
	}
}

// inForBody reports whether n is inside the body of a for or range
// statement of its own function. A cycle made only by a backward goto is a
// retry taken on one outcome (a stale reply re-sent), bounded in practice,
// not a loop abandoning a timer per message.
func (p *passState) inForBody(n ast.Node) bool {
	f := p.fileOf(n.Pos())
	if f == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	for _, m := range path {
		switch m := m.(type) {
		case *ast.ForStmt:
			return m.Body.Pos() <= n.Pos() && n.End() <= m.Body.End()
		case *ast.RangeStmt:
			return m.Body.Pos() <= n.Pos() && n.End() <= m.Body.End()
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// isTimeAfter reports whether c calls time.After.
func isTimeAfter(c *ssa.CallCommon) bool {
	f := c.StaticCallee()
	return f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "time" && f.Name() == "After" && f.Signature.Recv() == nil
}

// selectOn returns the select that has the channel time.After returned as
// a case (the loop's timeout), or nil when it is merely received from.
func selectOn(call *ssa.Call) *ssa.Select {
	for _, r := range *call.Referrers() {
		if sel, ok := r.(*ssa.Select); ok {
			return sel
		}
	}
	return nil
}

// otherCaseLoops reports whether a case of sel other than the timer's (or
// its default) leads back to the time.After call while the timer's own
// case leaves the loop: the timer is a timeout for the whole wait, and every
// iteration through another case abandons a live one. When the timer's case
// itself goes round again, the timer is a pacing or backoff wait that
// normally fires; how often another case cuts it short is not visible
// (usually a one-shot stop or ctx.Done), so nothing is reported.
func otherCaseLoops(sel *ssa.Select, call *ssa.Call) bool {
	timer := -1
	for i, st := range sel.States {
		if st.Chan == call {
			timer = i
		}
	}
	others := false
	for _, b := range sel.Parent().Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		k, s := chanflow.SelectCase(ifi)
		if s != sel {
			continue
		}
		loops := flow.ReachesAvoiding(b.Succs[:1], call.Block(), nil)
		switch {
		case k == timer && loops:
			return false // a pacing or backoff timer
		case k != timer && loops:
			others = true
		}
		if !sel.Blocking && k == len(sel.States)-1 && flow.ReachesAvoiding(b.Succs[1:], call.Block(), nil) {
			others = true // the default case
		}
	}
	return others
}

// reportTimeAfterLoop reports the time.After call ce.
func (p *passState) reportTimeAfterLoop(ce *ast.CallExpr) {
	p.pass.Report(analysis.Diagnostic{
		Pos:      ce.Pos(),
		End:      ce.End(),
		Category: RuleTimeAfterLoop,
		Message:  "time.After in a loop starts a new timer on every iteration, and before Go 1.23 none is freed until it fires: a busy loop with a long timeout piles them up; create one time.NewTimer before the loop and Reset it, or raise the module's go line to 1.23",
	})
}

// before123 reports whether the file holding n is compiled with a Go
// version before 1.23 (the file's build constraint or the module's go line;
// none at all means the toolchain's version).
func (p *passState) before123(n ast.Node) bool {
	v := ""
	if f := p.fileOf(n.Pos()); f != nil && p.pass.TypesInfo.FileVersions != nil {
		v = p.pass.TypesInfo.FileVersions[f]
	}
	if v == "" {
		v = p.pass.Pkg.GoVersion()
	}
	return v != "" && version.Compare(v, "go1.23") < 0
}
