package httpbody

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// reportDeferBeforeCheck reports a deferred release whose receiver is
// loaded from the response before the request's error is tested: the
// defer evaluates resp.Body at once, and on the error path resp is nil,
// so the function panics instead of returning the error. A deferred
// closure, or a helper handed the response, decides later and may test
// for nil: only the eager load of the body is a finding.
func reportDeferBeforeCheck(pass *analysis.Pass, in *inspector.Inspector, l leaks.Leak) {
	ob := l.Ob
	if !ob.ReturnsError() {
		return
	}
	var defers []*ssa.Defer
	checked := false
	ob.Walk(0, leaksWalker(func(ins ssa.Instruction) bool {
		switch ins := ins.(type) {
		case *ssa.If:
			if ob.TestsFailure(ins) {
				checked = true
				return true
			}
		case *ssa.Defer:
			if ob.Releases(ins) && loadsBody(l, ins) {
				defers = append(defers, ins)
			}
		}
		return false
	}))
	if !checked {
		return // the error is never tested: another bug, and no place to move the defer to
	}
	for _, d := range defers {
		name := l.NameOr("resp")
		diag := analysis.Diagnostic{
			Pos:      d.Pos(),
			End:      d.Pos() + token.Pos(len("defer")),
			Category: RuleDeferBeforeCheck,
			Message: fmt.Sprintf("the deferred close of %s.Body is evaluated before the error of %s (line %d) is checked: when the request fails %s is nil and the defer panics; move it after the error check",
				name, l.Site.Callee(ob), leaks.Line(pass, ob.Call.Pos()), name),
		}
		if fix, ok := moveDeferFix(pass, in, d.Pos()); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		pass.Report(diag)
	}
}

// leaksWalker adapts a stop predicate to a Walker that carries no state.
func leaksWalker(stop func(ssa.Instruction) bool) lifetime.Walker {
	return lifetime.Walker{
		Visit: func(ins ssa.Instruction, s uint8) (uint8, bool) { return s, stop(ins) },
		Exit:  func(*ssa.Return, uint8) {},
	}
}

// loadsBody reports whether the deferred call's receiver or an argument
// is the response's Body, loaded when the defer statement runs, or the
// deferred call is a closure that loads it with no test of the response
// against nil (flagd#79's defer func() { _ = resp.Body.Close() }()).
func loadsBody(l leaks.Leak, d *ssa.Defer) bool {
	c := d.Common()
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		return unguardedCapture(l, mc)
	}
	if c.IsInvoke() && isBody(l.Ob, c.Value) {
		return true
	}
	for _, a := range c.Args {
		if isBody(l.Ob, a) {
			return true
		}
	}
	return false
}

// unguardedCapture reports whether the closure mc captures the response
// (or the variable holding it) and never compares it with nil.
func unguardedCapture(l leaks.Leak, mc *ssa.MakeClosure) bool {
	fn := mc.Fn.(*ssa.Function)
	captured := false
	for i, b := range mc.Bindings {
		byValue := l.Ob.Tracked(b) && isResponse(b.Type())
		if !byValue && !holdsResponse(l.Ob, b) || i >= len(fn.FreeVars) {
			continue
		}
		captured = true
		if comparedWithNil(fn.FreeVars[i], !byValue) {
			return false
		}
	}
	return captured
}

// comparedWithNil reports whether v, or with boxed what it points to, is
// compared with nil.
func comparedWithNil(v ssa.Value, boxed bool) bool {
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.BinOp:
			if !boxed && (flow.IsNilConst(r.X) || flow.IsNilConst(r.Y)) {
				return true
			}
		case *ssa.UnOp:
			if boxed && r.Op == token.MUL && comparedWithNil(r, false) {
				return true
			}
		}
	}
	return false
}

// moveDeferFix moves the defer statement at pos to just after the next
// statement of its block, when that statement is the error check: an if
// without else whose body always leaves (return, panic, break,
// continue). A check in a switch, or with an else, gets no fix.
func moveDeferFix(pass *analysis.Pass, in *inspector.Inspector, pos token.Pos) (analysis.SuggestedFix, bool) {
	var def *ast.DeferStmt
	var next ast.Stmt
	in.Preorder([]ast.Node{(*ast.BlockStmt)(nil)}, func(n ast.Node) {
		if def != nil || n.Pos() > pos || n.End() < pos {
			return
		}
		list := n.(*ast.BlockStmt).List
		for i, s := range list {
			if d, ok := s.(*ast.DeferStmt); ok && d.Defer == pos && i+1 < len(list) {
				def, next = d, list[i+1]
			}
		}
	})
	ifs, ok := next.(*ast.IfStmt)
	if def == nil || !ok || ifs.Else != nil || ifs.Init != nil || !leaves(pass, ifs.Body) {
		return analysis.SuggestedFix{}, false
	}
	// The defer moves with its trailing comment, if any; any other
	// comment between it and the check would be lost: no fix. The text is
	// printed from the syntax (hosts need not offer pass.ReadFile).
	var buf bytes.Buffer
	if commentIn(pass, def.Pos(), def.End()) != nil || format.Node(&buf, pass.Fset, def) != nil {
		return analysis.SuggestedFix{}, false
	}
	if c := commentIn(pass, def.End(), ifs.Pos()); c != nil {
		if line(pass, c.Pos()) != line(pass, def.End()) || commentIn(pass, c.End(), ifs.Pos()) != nil {
			return analysis.SuggestedFix{}, false
		}
		for _, cm := range c.List {
			buf.WriteString(" " + cm.Text)
		}
	}
	stmt := buf.Bytes()
	return analysis.SuggestedFix{
		Message: "Move the defer after the error check",
		TextEdits: []analysis.TextEdit{
			{Pos: def.Pos(), End: ifs.Pos()},
			{Pos: ifs.End(), End: ifs.End(), NewText: append([]byte("\n"), stmt...)},
		},
	}, true
}

// leaves reports whether a block ends by leaving it for good: return,
// panic, or a branch statement.
func leaves(pass *analysis.Pass, b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		bi, ok := pass.TypesInfo.Uses[id].(*types.Builtin)
		return ok && bi.Name() == "panic"
	}
	return false
}

// commentIn returns the first comment group starting in [from, to).
func commentIn(pass *analysis.Pass, from, to token.Pos) *ast.CommentGroup {
	for _, f := range pass.Files {
		if f.Pos() > from || from > f.End() {
			continue
		}
		for _, cg := range f.Comments {
			if cg.Pos() >= from && cg.Pos() < to {
				return cg
			}
		}
	}
	return nil
}

// line is the line of pos.
func line(pass *analysis.Pass, pos token.Pos) int { return pass.Fset.Position(pos).Line }
