package errorlog

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// A zerolog event is built by a chain (log.Error().Err(err).Str(k, v))
// and written only by the call that ends it: Msg, Msgf, MsgFunc or Send.
// A chain without one compiles and logs nothing; a Fatal or Panic event
// does not even end the program. The lifetime engine follows the event
// as a resource (lifetime.KindZerologEvent): started by a level method,
// carried through the chain, released by the ending call or Discard,
// escaping when returned, stored or handed to a function that keeps it,
// and owing nothing on the false edge of Enabled (a disabled event is
// nil). A path that reaches an exit with the event unsent drops it.

// reportNotSent reports the zerolog events of the package that some path
// drops unsent.
func (c *checker) reportNotSent(res *lifetime.Result) {
	var sites *leaks.Sites
	for _, ob := range res.Obligations {
		if ob.Kind != lifetime.KindZerologEvent || len(ob.Leaks) == 0 || levelQuery(ob) {
			continue
		}
		if sites == nil {
			sites = leaks.IndexSites(c.pass.Fset, c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
		}
		l := leaks.Describe(c.pass, ob, sites.At(ob.Call.Pos()))
		what := "the " + l.What
		if name := c.chainName(ob); l.Name == "" && name != "" {
			what = fmt.Sprintf("the %s %s from %s (line %d)", ob.Kind.Name, name, l.Site.Callee(ob), c.line(ob.Call.Pos()))
		}
		var msg string
		var fix *analysis.SuggestedFix
		switch {
		case !ob.Released:
			msg = fmt.Sprintf("%s is never sent: zerolog writes nothing until Msg, Msgf or Send ends the chain%s; end it with .Msg(...) or .Send()",
				what, exitNote(ob))
			fix = c.sendFix(ob)
		case loopsBack(ob):
			msg = fmt.Sprintf("%s is not sent on a path that goes round the loop to start another, so nothing is logged for this one; end the chain with Msg or Send on every path (or Discard it)", what)
		default:
			msg = fmt.Sprintf("%s is not sent on the path returning at line %d, so nothing is logged there%s; end the chain with Msg or Send on every path (or Discard it)",
				what, l.ExitLine, exitNote(ob))
		}
		d := l.Diagnostic(RuleLogNotSent, msg, fix)
		if len(d.Related) > 0 {
			d.Related[0].Message = "the path leaves here with the event unsent"
		}
		c.pass.Report(d)
	}
}

// loopsBack reports whether a path goes round a loop to the event's start
// with the event unsent.
func loopsBack(ob *lifetime.Obligation) bool {
	for _, l := range ob.Leaks {
		if l.Exit == nil {
			return true
		}
	}
	return false
}

// chainName is the variable a chain starting at the event's level method
// is assigned to (e := l.Info().Str("id", id)), or "".
func (c *checker) chainName(ob *lifetime.Obligation) string {
	f := c.fileOf(ob.Call.Pos())
	if f == nil {
		return ""
	}
	path, _ := astutil.PathEnclosingInterval(f, ob.Call.Pos(), ob.Call.Pos())
	var cur ast.Node
	for _, n := range path {
		switch n := n.(type) {
		case *ast.CallExpr:
			if cur == nil || n.Fun == cur {
				cur = n
				continue
			}
		case *ast.SelectorExpr:
			if cur != nil && n.X == cur {
				cur = n
				continue
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && n.Rhs[0] == cur {
				if id, ok := n.Lhs[0].(*ast.Ident); ok {
					return id.Name
				}
			}
		}
		return ""
	}
	return ""
}

// exitNote adds, for a Fatal or Panic event, that the program goes on.
func exitNote(ob *lifetime.Obligation) string {
	if ob.Callee != nil && (ob.Callee.Name() == "Fatal" || ob.Callee.Name() == "Panic") {
		return fmt.Sprintf(" (and an unsent %s event does not end the program)", ob.Callee.Name())
	}
	return ""
}

// levelQuery reports whether the event is only asked whether it is
// enabled (if log.Debug().Enabled() { ... }): a level check that builds
// nothing.
func levelQuery(ob *lifetime.Obligation) bool {
	if ob.Value == nil {
		return false
	}
	refs := *ob.Value.Referrers()
	queried := false
	for _, r := range refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			fn := r.Call.StaticCallee()
			if fn == nil || fn.Name() != "Enabled" || len(r.Call.Args) == 0 || r.Call.Args[0] != ob.Value {
				return false
			}
			queried = true
		default:
			return false
		}
	}
	return queried
}

// sendFix appends .Send() to a chain written as a statement of its own
// (log.Error().Err(err) on its line), the event's only use.
func (c *checker) sendFix(ob *lifetime.Obligation) *analysis.SuggestedFix {
	f := c.fileOf(ob.Call.Pos())
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, ob.Call.Pos(), ob.Call.Pos())
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt:
			return nil
		case *ast.ExprStmt:
			call, ok := ast.Unparen(n.X).(*ast.CallExpr)
			if !ok || !typematch.PointerTo(c.pass.TypesInfo.TypeOf(call), "github.com/rs/zerolog", "Event") {
				return nil
			}
			return &analysis.SuggestedFix{
				Message:   "Send the event",
				TextEdits: []analysis.TextEdit{{Pos: call.End(), End: call.End(), NewText: []byte(".Send()")}},
			}
		}
	}
	return nil
}
