package httpbody

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/handlers"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// reportWritesAfterError reports error responses (http.Error, http.NotFound,
// w.WriteHeader(>= 400)) after which the function goes on to write to the
// same ResponseWriter on some path: the client gets the error and then a
// second response glued to it ("superfluous response.WriteHeader call"),
// or a success body after an error status.
func reportWritesAfterError(pass *analysis.Pass, h *handlers.Result, fn *ssa.Function) {
	if isTestFile(pass, fn.Pos()) {
		return
	}
	for _, p := range fn.Params {
		if !handlers.IsResponseWriter(p) {
			continue
		}
		for _, ew := range handlers.ErrorWrites(p) {
			if next := h.NextWrite(ew); next != nil {
				reportWriteAfterError(pass, fn, ew, next)
			}
		}
	}
}

func reportWriteAfterError(pass *analysis.Pass, fn *ssa.Function, ew handlers.ErrorWrite, next *ssa.Call) {
	what := describeCall(pass, ew.Call)
	if ew.HeaderOnly {
		what = "WriteHeader"
	}
	d := analysis.Diagnostic{
		Pos:      ew.Call.Pos(),
		End:      ew.Call.Pos(),
		Category: RuleWriteAfterError,
		Message: fmt.Sprintf("%s writes an error response, but the handler goes on to write again at line %d (%s): the client gets two responses glued together; return after the error",
			what, leaks.Line(pass, next.Pos()), describeWrite(pass, next)),
	}
	if fix, ok := returnFix(pass, fn, ew.Call); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	pass.Report(d)
}

// describeWrite names a writing call for a message.
func describeWrite(pass *analysis.Pass, call *ssa.Call) string {
	if c := call.Common(); c.IsInvoke() {
		return "w." + c.Method.Name()
	}
	return describeCall(pass, call)
}

// returnFix inserts a return after the error call when the function
// returns nothing and the call is the last statement of its block (so no
// statement becomes unreachable).
func returnFix(pass *analysis.Pass, fn *ssa.Function, call *ssa.Call) (analysis.SuggestedFix, bool) {
	if fn.Signature.Results().Len() != 0 {
		return analysis.SuggestedFix{}, false
	}
	stmt := lastStmtCalling(pass, call.Pos())
	if stmt == nil {
		return analysis.SuggestedFix{}, false
	}
	col := pass.Fset.Position(stmt.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	eol := leaks.EndOfLine(pass.Fset, stmt.End())
	return analysis.SuggestedFix{
		Message:   "return after the error response",
		TextEdits: []analysis.TextEdit{{Pos: eol, End: eol, NewText: []byte("\n" + indent + "return")}},
	}, true
}

// lastStmtCalling finds the expression statement whose call opens its
// parentheses at lparen, when it is the last statement of its block.
func lastStmtCalling(pass *analysis.Pass, lparen token.Pos) ast.Stmt {
	for _, f := range pass.Files {
		if f.Pos() > lparen || lparen > f.End() {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, lparen, lparen)
		for i, n := range path {
			stmt, ok := n.(*ast.ExprStmt)
			if !ok {
				continue
			}
			if call, ok := stmt.X.(*ast.CallExpr); !ok || call.Lparen != lparen || i+1 >= len(path) {
				return nil
			}
			if list := stmtList(path[i+1]); len(list) > 0 && list[len(list)-1] == stmt {
				return stmt
			}
			return nil
		}
	}
	return nil
}

// stmtList is the statement list of a block-like node.
func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}
