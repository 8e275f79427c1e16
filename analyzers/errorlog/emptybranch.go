package errorlog

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// checkEmptyBranches reports `if err != nil {}`: the error is tested and then
// nothing happens, neither in the branch nor anywhere after it. It is the
// swallowed error in its barest form, usually a handler left unwritten. A
// comment inside the braces says the emptiness is meant and is not
// reported; nor is an error that the function uses elsewhere (returned
// after the if, appended to a list).
func (c *checker) checkEmptyBranches(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if cmp, ok := ins.(*ssa.BinOp); ok && isNilCompare(cmp) {
				if br := c.emptyErrBranch(fn, cmp); br != nil && !c.commentedBody(br) && !errUsedAnywhere(br) {
					c.reportEmptyBranch(br)
				}
			}
		}
	}
}

// emptyErrBranch returns the test cmp of a call's error when the branch it
// guards has no statements, or nil. SSA keeps no If for an empty branch
// (both successors are the same block), so the comparison is found from
// the syntax.
func (c *checker) emptyErrBranch(fn *ssa.Function, cmp *ssa.BinOp) *errBranch {
	br, ifStmt := c.errTest(fn, cmp)
	if br == nil {
		return nil
	}
	body := ifStmt.Body
	if cmp.Op == token.EQL {
		els, ok := ifStmt.Else.(*ast.BlockStmt)
		if !ok {
			return nil
		}
		body = els
	} else if ifStmt.Else != nil {
		return nil // if err != nil {} else {...}: the success path is the point
	}
	if len(body.List) > 0 {
		return nil
	}
	br.body = body
	return br
}

// reportEmptyBranch reports the empty branch br.
func (c *checker) reportEmptyBranch(br *errBranch) {
	name := nameOr(exprName(br.errExpr), "the error")
	c.pass.Report(analysis.Diagnostic{
		Pos:      br.body.Lbrace,
		End:      br.body.Rbrace + 1,
		Category: RuleSwallowed,
		Message: fmt.Sprintf("the error from %s (line %d) is tested but its branch is empty and %s is never used: the failure is ignored; handle it, return it, or say why in a comment (or assign it to _)",
			calleeName(br.call), c.line(br.call.Pos()), name),
	})
}

// commentedBody reports whether a comment lies inside the branch's braces
// on a line of its own (a trailing comment of the if line is a note on the
// condition, as for swallowed's explained returns).
func (c *checker) commentedBody(br *errBranch) bool {
	f := c.fileOf(br.body.Lbrace)
	if f == nil {
		return true
	}
	for _, cg := range f.Comments {
		if cg.Pos() > br.body.Lbrace && cg.End() < br.body.Rbrace && c.line(cg.Pos()) > c.line(br.body.Lbrace) && explainsGroup(cg) {
			return true
		}
	}
	return false
}

// errUsedAnywhere reports whether the tested error has any use in the
// function besides nil comparisons.
func errUsedAnywhere(br *errBranch) bool {
	for _, r := range *br.err.Referrers() {
		if _, debug := r.(*ssa.DebugRef); !debug && !isNilCompare(r) {
			return true
		}
	}
	if br.alloc == nil {
		return false
	}
	for _, r := range *br.alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == br.alloc {
				continue
			}
		case *ssa.UnOp:
			if loadOnlyCompared(r) {
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		return true
	}
	return false
}
