package errorlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// stateChanging lists the standard calls whose error is the only sign that
// a change the program goes on to rely on did not happen: a transaction
// not committed, a statement not executed, a file not renamed or not given
// its permissions. By package path, receiver type ("" for a function) and
// name. Removals are not in it (a dropped os.Remove is the usual
// best-effort cleanup), nor directory creation: a failed MkdirAll surfaces
// as the error of the file operation that needs the directory (both cases
// on nats-server).
var stateChanging = map[[3]string]bool{
	{"database/sql", "Tx", "Commit"}:        true,
	{"database/sql", "Tx", "Exec"}:          true,
	{"database/sql", "Tx", "ExecContext"}:   true,
	{"database/sql", "DB", "Exec"}:          true,
	{"database/sql", "DB", "ExecContext"}:   true,
	{"database/sql", "Conn", "ExecContext"}: true,
	{"database/sql", "Stmt", "Exec"}:        true,
	{"database/sql", "Stmt", "ExecContext"}: true,
	{"os", "", "Rename"}:                    true,
	{"os", "", "Chmod"}:                     true,
	{"os", "", "Chown"}:                     true,
	{"os", "", "Lchown"}:                    true,
	{"os", "", "Chtimes"}:                   true,
	{"os", "", "WriteFile"}:                 true,
	{"os", "", "Truncate"}:                  true,
	{"os", "", "Symlink"}:                   true,
	{"os", "", "Link"}:                      true,
	{"os", "", "Chdir"}:                     true,
	{"os", "File", "Chmod"}:                 true,
	{"os", "File", "Chown"}:                 true,
	{"os", "File", "Truncate"}:              true,
	{"os", "File", "Chdir"}:                 true,
}

// stateDrop describes a dropped call of stateChanging, or of a function
// whose contract says its error may come from one (a repository's Delete
// returning its ExecContext's error); "" when the call is neither or sits
// in the branch of an earlier failure (a best-effort step on the way out).
func (c *checker) stateDrop(fn *ssa.Function, call *ssa.CallCommon) string {
	if call.IsInvoke() || cleanupAfterFailure(fn, call) {
		return ""
	}
	if what := stateCallName(call); what != "" {
		return what
	}
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil {
		return ""
	}
	if via := c.logs.contract(call).ChangesState; via != "" {
		return fmt.Sprintf("%s (whose error is that of %s)", funcName(f), via)
	}
	return ""
}

// stateCallName names call when it is one of stateChanging, or "".
func stateCallName(call *ssa.CallCommon) string {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || call.IsInvoke() || errorResult(f.Signature()) < 0 {
		return ""
	}
	if !stateChanging[[3]string{f.Pkg().Path(), recvOf(f), f.Name()}] {
		return ""
	}
	return funcName(f)
}

// recvOf names f's receiver type ("" for a function).
func recvOf(f *types.Func) string {
	if r := f.Signature().Recv(); r != nil {
		return flow.TypeName(r.Type())
	}
	return ""
}

// funcName renders f as Recv.Name or pkg.Name.
func funcName(f *types.Func) string {
	if recv := recvOf(f); recv != "" {
		return recv + "." + f.Name()
	}
	return f.Pkg().Name() + "." + f.Name()
}

// reportStateDropped reports the dropped error of a state-changing call.
func (c *checker) reportStateDropped(call *ssa.CallCommon, what string, deferred bool) {
	pos, end := c.callRange(call.Pos())
	if !pos.IsValid() {
		return
	}
	how := "check its error"
	if deferred {
		how = "call it where its error can be checked, not in a defer"
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleDiscarded,
		Message: fmt.Sprintf("the error of %s is dropped: the change it makes may not have happened and the program goes on as if it had; %s",
			what, how),
	})
}

// isCallStatement reports whether call is a statement of its own (plain,
// deferred or go): `_ = f()` drops the error too, but says so.
func (c *checker) isCallStatement(call *ssa.CallCommon) bool {
	switch c.callParent(call.Pos()).(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
		return true
	}
	return false
}

// callParent returns the syntax node directly around the call whose '('
// is at lparen (an assignment, a statement, an argument list), or nil.
func (c *checker) callParent(lparen token.Pos) ast.Node {
	f := c.fileOf(lparen)
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, lparen, lparen)
	for i, n := range path {
		if ce, ok := n.(*ast.CallExpr); ok && ce.Lparen == lparen && i+1 < len(path) {
			return path[i+1]
		}
	}
	return nil
}
