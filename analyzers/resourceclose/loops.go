package resourceclose

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// reportDefersInLoop reports a deferred release inside the loop that
// acquires the resource: the release runs when the function returns, so
// every iteration's resource stays held until then.
func reportDefersInLoop(pass *analysis.Pass, ob *lifetime.Obligation, site func(*lifetime.Obligation) *leaks.Site) {
	acq := ob.Call.Block()
	for _, b := range ob.Fn.Blocks {
		for _, ins := range b.Instrs {
			d, ok := ins.(*ssa.Defer)
			if !ok || !ob.Releases(d) || !lifetime.InSameLoop(acq, b) {
				continue
			}
			if ob.CarriedToNextIteration() {
				return // meant to outlive its iteration: the defer is right
			}
			s := site(ob)
			name := s.NameOr(ob.Result, ob.Kind.Name)
			diag := analysis.Diagnostic{
				Pos:      d.Pos(),
				End:      d.Pos() + token.Pos(len("defer")),
				Category: RuleDeferInLoop,
				Message: fmt.Sprintf("deferred release of %s from %s (line %d) runs when the function returns, not at the end of the iteration: every iteration's %s stays held until then; release it in the loop body or move the body into a function",
					name, s.Callee(ob), pass.Fset.Position(ob.Call.Pos()).Line, ob.Kind.Name),
			}
			if fix := loopBodyFix(pass, d.Pos(), ob.Call.Pos()); fix != nil {
				diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
			}
			pass.Report(diag)
		}
	}
}

// reportRowsErr reports rows iterated with Next whose Err is never
// checked: an error in the middle of the iteration (a dropped connection,
// a cancelled context) ends the loop exactly like the last row does.
func reportRowsErr(pass *analysis.Pass, ob *lifetime.Obligation, site func(*lifetime.Obligation) *leaks.Site) {
	if ob.Value == nil || len(ob.MethodCalls("Next")) == 0 || len(ob.MethodCalls("Err")) > 0 || ob.EscapesBesidesOwnMethods() {
		return
	}
	s := site(ob)
	name := s.NameOr(ob.Result, "rows")
	pass.Report(analysis.Diagnostic{
		Pos:      ob.Call.Pos(),
		End:      s.End(ob.Call.Pos()),
		Category: RuleRowsErr,
		Message: fmt.Sprintf("%s from %s (line %d) are iterated with Next but %s.Err() is never checked; an error during iteration ends the loop like the last row does: check %s.Err() after the loop",
			name, s.Callee(ob), pass.Fset.Position(ob.Call.Pos()).Line, name, name),
	})
}
