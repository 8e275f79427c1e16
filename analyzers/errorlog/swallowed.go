package errorlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkSwallowed reports a return of a nil error from a branch where a
// call's error is non-nil and the branch never looks at that error.
func (c *checker) checkSwallowed(br *errBranch) {
	res := errorResult(br.fn.Signature)
	if res < 0 {
		return
	}
	if br.errUsed() {
		c.checkMisplaced(br, res)
		return
	}
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || !br.inBody(ret) || len(ret.Results) <= res || !flow.IsNilConst(returned(ret, res)) {
			continue
		}
		if !returnsZeros(ret, res) {
			continue // a fallback value (try V1, else V0; a default port) is a decision
		}
		if c.explained(br, ret) || fallsBack(br, res) {
			continue
		}
		c.reportSwallowed(br, ret)
	}
}

// reportSwallowed builds the finding at the return, with the fix that
// returns the error instead of nil.
func (c *checker) reportSwallowed(br *errBranch, ret *ssa.Return) {
	stmt := c.returnStmtAt(br, ret.Pos())
	if stmt == nil {
		return
	}
	name := exprName(br.errExpr)
	msg := fmt.Sprintf("%s is non-nil here but the function returns a nil error: the failure is reported as success; return %s (wrapped with context) or handle it explicitly",
		c.errOrigin(br), nameOr(name, "the error"))
	d := analysis.Diagnostic{Pos: stmt.Pos(), End: stmt.End(), Category: RuleSwallowed, Message: msg}
	if fix := c.returnErrFix(br, stmt); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.pass.Report(d)
}

// errOrigin names where the branch's error came from, for messages.
func (c *checker) errOrigin(br *errBranch) string {
	if br.call == nil {
		return fmt.Sprintf("the error received from a channel (line %d)", c.line(br.recv.Pos()))
	}
	return fmt.Sprintf("the error from %s (line %d)", calleeName(br.call), c.line(br.call.Pos()))
}

// returnStmtAt finds the return statement at pos inside the branch.
func (c *checker) returnStmtAt(br *errBranch, pos token.Pos) *ast.ReturnStmt {
	var found *ast.ReturnStmt
	ast.Inspect(br.body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && r.Pos() == pos {
			found = r
		}
		return true
	})
	return found
}

// returnErrFix replaces the nil error of ret with the tested variable, when
// it is a plain variable visible there.
func (c *checker) returnErrFix(br *errBranch, ret *ast.ReturnStmt) *analysis.SuggestedFix {
	id, ok := br.errExpr.(*ast.Ident)
	if !ok || len(ret.Results) == 0 {
		return nil
	}
	last := ret.Results[len(ret.Results)-1]
	if !isNilIdent(last) {
		return nil
	}
	if _, ok := c.pass.TypesInfo.Uses[id].(*types.Var); !ok {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   "Return the error instead of nil",
		TextEdits: []analysis.TextEdit{{Pos: last.Pos(), End: last.End(), NewText: []byte(id.Name)}},
	}
}

// exprName returns the source name of a simple expression, or "".
func exprName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// nameOr returns name, or alt when name is empty.
func nameOr(name, alt string) string {
	if name == "" {
		return alt
	}
	return name
}

// returnsZeros reports whether every result of ret but the error is a zero
// constant: the caller gets nothing and is told all went well.
func returnsZeros(ret *ssa.Return, res int) bool {
	for i := range ret.Results {
		if i == res {
			continue
		}
		k, ok := returned(ret, i).(*ssa.Const)
		if !ok || !flow.IsZeroConst(k) {
			return false
		}
	}
	return true
}

// explained reports whether a comment on its own line in the branch,
// before the return, says why the error is dropped ("if the node is
// dead we expect this to fail"): the decision is documented for the
// reader, which is what the rule asks for.
func (c *checker) explained(br *errBranch, ret *ssa.Return) bool {
	return c.explainedAt(br, ret.Pos())
}

// explainedAt reports whether such a comment lies in the branch before
// the statement at pos.
func (c *checker) explainedAt(br *errBranch, pos token.Pos) bool {
	f := c.fileOf(pos)
	if f == nil {
		return false
	}
	retLine := c.line(pos)
	for _, cg := range f.Comments {
		// On its own line(s) inside the braces: not a trailing comment
		// of the if line.
		if cg.Pos() > br.body.Lbrace && c.line(cg.Pos()) > c.line(br.body.Lbrace) && c.line(cg.End()) < retLine && explainsGroup(cg) {
			return true
		}
	}
	return false
}

// fallsBack reports whether the branch does the work another way and
// returns that attempt's error (if the cache fails, compute; return the
// computation's error): a nil error then means the fallback succeeded,
// and the first error was a signal, not a failure.
func fallsBack(br *errBranch, res int) bool {
	var seeds []ssa.Value
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		for _, ins := range b.Instrs {
			if call, ok := ins.(*ssa.Call); ok && br.inBody(call) && call.Common() != br.call && (br.call == nil || !sameCall(call.Common(), br.call)) {
				seeds = append(seeds, errorValue(call)...)
			}
		}
	}
	if len(seeds) == 0 {
		return false
	}
	tainted := taint(seeds...)
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && br.inBody(ret) && len(ret.Results) > res && tainted[returned(ret, res)] {
			return true
		}
	}
	return false
}

// checkMisplaced reports a return from the branch that hands the error
// out in a result of type any while the error result is nil (return err,
// nil in a func returning (any, error)): the caller checks the error
// result, sees nil, and takes the error for the value. Only a branch whose
// sole use of the error is that return counts.
func (c *checker) checkMisplaced(br *errBranch, res int) {
	if br.alloc != nil || br.call == nil {
		return
	}
	var ret *ssa.Return
	for _, r := range *br.err.Referrers() {
		if r == ssa.Instruction(br.cmp) || isNilCompare(r) || !br.region[r.Block()] {
			continue
		}
		ci, ok := r.(*ssa.ChangeInterface)
		if !ok {
			return
		}
		rt := returnOf(ci, res)
		if rt == nil || !br.inBody(rt) || (ret != nil && rt != ret) {
			return
		}
		ret = rt
	}
	if ret == nil || !flow.IsNilConst(returned(ret, res)) || c.explained(br, ret) {
		return
	}
	stmt := c.returnStmtAt(br, ret.Pos())
	if stmt == nil {
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: stmt.Pos(), End: stmt.End(), Category: RuleSwallowed,
		Message: fmt.Sprintf("the error from %s (line %d) is non-nil here but is returned as a value while the error result is nil: the caller sees success; return it in the error result",
			calleeName(br.call), c.line(br.call.Pos()))})
}

// returnOf is the return that gives ci (the error converted to another
// interface) out as a result of empty interface type other than the error
// result res, when that is ci's only use.
func returnOf(ci *ssa.ChangeInterface, res int) *ssa.Return {
	refs := *ci.Referrers()
	if len(refs) != 1 {
		return nil
	}
	ret, ok := refs[0].(*ssa.Return)
	if !ok {
		return nil
	}
	for i, r := range ret.Results {
		if r != ssa.Value(ci) {
			continue
		}
		it, ok := ci.Type().Underlying().(*types.Interface)
		if i == res || !ok || it.NumMethods() != 0 {
			return nil
		}
	}
	return ret
}
