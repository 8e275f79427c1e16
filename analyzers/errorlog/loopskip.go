package errorlog

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// The loop form of swallowed: in a loop over items, an error branch that
// ends in `continue` (the item is skipped) or `break` (the rest are),
// doing nothing but calls before it, in a function that then returns a
// nil error. The caller gets a partial result and is told it is complete;
// nothing logs, counts or keeps the failure. Left alone:
//   - a failure of a pure call (strconv.Atoi of a file name, a decode of
//     one record): it is a property of the item, and skipping what does not
//     parse is how a loop filters its input;
//   - a callee whose errors are all sentinels (return ErrNotFound): an
//     outcome to skip, as errors.Is(err, ErrNotFound) would say;
//   - loops with no range, post statement or call condition (`for {}`,
//     `for ok {}`): continuing there retries, and breaking ends a read
//     loop at its terminating error; `for rows.Next()` walks items;
//   - a continue that skips nothing (the if is the last statement of the
//     loop body), removals and Close (best-effort cleanup);
//   - a nil return inside the loop (a search: the first candidate that
//     works wins), an error that flows past the branch (into a variable a retry
//     loop checks after its last attempt), a log call in the branch, and
//     a comment on its own line in the braces, which says why.

// checkSkipped reports, in fn, the error branches that drop their error
// with a continue or a break out of a loop the function then leaves with
// a nil error.
func (c *checker) checkSkipped(fn *ssa.Function) {
	res := errorResult(fn.Signature)
	if res < 0 {
		return
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if cmp, ok := ifi.Cond.(*ssa.BinOp); ok && isNilCompare(cmp) {
			if br, jump := c.skipBranch(fn, cmp); br != nil {
				c.checkSkip(br, jump, res)
			}
		}
	}
}

// skipBranch returns the test cmp of a call's error when the branch it
// guards is a lone continue or break, with that statement. SSA keeps no
// block for such a branch (the If jumps straight to the loop's next
// step), so the branch is found from the syntax and its entry is the
// If's successor.
func (c *checker) skipBranch(fn *ssa.Function, cmp *ssa.BinOp) (*errBranch, *ast.BranchStmt) {
	br, ifStmt := c.errTest(fn, cmp)
	if br == nil {
		return nil, nil
	}
	body, succ := ifStmt.Body, 0
	if cmp.Op == token.EQL {
		els, ok := ifStmt.Else.(*ast.BlockStmt)
		if !ok {
			return nil, nil
		}
		body, succ = els, 1
	}
	if len(body.List) == 0 {
		return nil, nil
	}
	jump, ok := body.List[len(body.List)-1].(*ast.BranchStmt)
	if !ok || (jump.Tok != token.CONTINUE && jump.Tok != token.BREAK) {
		return nil, nil
	}
	for _, st := range body.List[:len(body.List)-1] {
		if es, ok := st.(*ast.ExprStmt); !ok || !isCallExpr(es.X) {
			return nil, nil // an assignment or a count records the failure
		}
	}
	br.body, br.entry = body, cmp.Block().Succs[succ]
	br.region = dominated(br.entry)
	if len(br.entry.Preds) != 1 {
		br.region = map[*ssa.BasicBlock]bool{} // the lone jump: SSA kept no block for it
	}
	if len(br.calls(c.logs.isLog)) > 0 {
		return nil, nil
	}
	return br, jump
}

// checkSkip reports the skip when nothing records the error and the
// function reports success after it.
func (c *checker) checkSkip(br *errBranch, jump *ast.BranchStmt, res int) {
	if errUsedAnywhere(br) || c.logs.isPure(br.call) || c.logs.contract(br.call).Sentinels ||
		isRemoval(br.call) || isCloseMethod(br.call) || c.explainedAt(br, jump.Pos()) {
		return
	}
	loop, skipsNothing := c.jumpTarget(jump)
	if loop == nil || (jump.Tok == token.CONTINUE && skipsNothing) {
		return
	}
	if ret := nilReturnAfter(br, loop, res); ret != nil {
		c.reportSkipped(br, jump, ret)
	}
}

// jumpTarget returns the item loop (a range, or a for with a post
// statement) that jump continues or breaks, or nil when it targets
// another loop, a switch or a select; skipsNothing reports whether the
// statements from jump to the end of the loop body are all closing ones.
func (c *checker) jumpTarget(jump *ast.BranchStmt) (loop ast.Stmt, skipsNothing bool) {
	f := c.fileOf(jump.Pos())
	if f == nil {
		return nil, false
	}
	path, _ := astutil.PathEnclosingInterval(f, jump.Pos(), jump.End())
	skipsNothing = true
	for i := 1; i < len(path); i++ {
		var target ast.Stmt
		switch n := path[i].(type) {
		case *ast.FuncLit:
			return nil, false
		case *ast.BlockStmt:
			skipsNothing = skipsNothing && isLast(n.List, path[i-1])
		case *ast.CaseClause:
			skipsNothing = skipsNothing && isLast(n.Body, path[i-1])
		case *ast.CommClause:
			skipsNothing = skipsNothing && isLast(n.Body, path[i-1])
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if jump.Tok == token.BREAK && jump.Label == nil {
				return nil, false // breaks the switch
			}
		case *ast.ForStmt, *ast.RangeStmt:
			target = n.(ast.Stmt)
		}
		if target == nil {
			continue
		}
		if jump.Label != nil && !labels(path, i, jump.Label.Name) {
			skipsNothing = false // the rest of this inner loop is skipped
			continue
		}
		if fs, ok := target.(*ast.ForStmt); ok && fs.Post == nil && !isCallExpr(fs.Cond) {
			return nil, false
		}
		return target, skipsNothing
	}
	return nil, false
}

// isCallExpr reports whether e is a call.
func isCallExpr(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok
}

// isLast reports whether n is the last statement of list.
func isLast(list []ast.Stmt, n ast.Node) bool {
	return len(list) > 0 && ast.Node(list[len(list)-1]) == n
}

// labels reports whether the loop at path[i] carries the label name.
func labels(path []ast.Node, i int, name string) bool {
	if i+1 >= len(path) {
		return false
	}
	ls, ok := path[i+1].(*ast.LabeledStmt)
	return ok && ls.Label.Name == name
}

// nilReturnAfter returns a return outside loop, reachable from the
// branch, whose error result is the constant nil: where the function
// reports success after the skip. It returns nil when a nil return inside
// the loop is reachable too: the loop is a search (the first certificate
// that fits, the first address that answers), a skipped item is a
// candidate that did not work, and the return after the loop is its "none
// found" answer (crypto/tls's getClientCertificate).
func nilReturnAfter(br *errBranch, loop ast.Stmt, res int) *ssa.Return {
	var after *ssa.Return
	inside := false
	flow.Explore(br.entry, func(b *ssa.BasicBlock) ([]*ssa.BasicBlock, bool) {
		if len(b.Instrs) == 0 {
			return nil, false
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && ret.Pos().IsValid() && len(ret.Results) > res && flow.IsNilConst(returned(ret, res)) {
			if ret.Pos() >= loop.Pos() && ret.Pos() < loop.End() {
				inside = true
				return nil, true
			}
			after = ret
		}
		return b.Succs, false
	})
	if inside {
		return nil
	}
	return after
}

// reportSkipped reports the continue or break that drops the error.
func (c *checker) reportSkipped(br *errBranch, jump *ast.BranchStmt, ret *ssa.Return) {
	what := "skips the item"
	if jump.Tok == token.BREAK {
		what = "stops the loop"
	}
	msg := fmt.Sprintf("the error from %s (line %d) is dropped: this %s %s and the function returns a nil error at line %d, so the caller takes a partial result for a complete one; return %s (wrapped with context), or record it (log it, collect it with errors.Join) before going on",
		calleeName(br.call), c.line(br.call.Pos()), jump.Tok, what, c.line(ret.Pos()), nameOr(exprName(br.errExpr), "the error"))
	c.pass.Report(analysis.Diagnostic{Pos: jump.Pos(), End: jump.End(), Category: RuleSwallowed, Message: msg})
}
