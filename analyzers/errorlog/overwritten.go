package errorlog

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// overwritten: an error assigned to a named variable that nothing reads
// before the variable is assigned again or the function ends. SSA makes
// this exact: the error value has no uses at all. The variable's name says
// the author meant to check it; the reassignment (x, err := a(); y, err :=
// b(); if err != nil) or the missing check lost it.

// checkOverwritten reports each call in fn whose error result is assigned
// to a variable (not _) and never used.
func (c *checker) checkOverwritten(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || infallible(call.Common()) {
				continue
			}
			v := errorResultValue(call)
			if v == nil || hasUses(v) {
				continue
			}
			if id := c.assignedIdent(call); id != nil && !c.blanked(fn, c.pass.TypesInfo.ObjectOf(id)) {
				c.reportOverwritten(call, id)
			}
		}
	}
}

// errorResultValue returns the value holding call's error result: the call
// itself for a single result, its Extract otherwise (nil when the results
// are not taken apart, as in a call statement).
func errorResultValue(call *ssa.Call) ssa.Value {
	sig := call.Common().Signature()
	i := errorResult(sig)
	if i < 0 {
		return nil
	}
	if sig.Results().Len() == 1 {
		return call
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

// hasUses reports whether v is used by any instruction but debug info.
func hasUses(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, debug := r.(*ssa.DebugRef); !debug {
			return true
		}
	}
	return false
}

// assignedIdent returns the local variable the call's error is assigned
// to, from the assignment or var declaration whose only right-hand side is
// the call, or nil (a blank identifier, a call statement, a field).
func (c *checker) assignedIdent(call *ssa.Call) *ast.Ident {
	id := c.errorTarget(call)
	if id == nil || id.Name == "_" {
		return nil
	}
	if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); !ok || v.Parent() == v.Pkg().Scope() {
		return nil // a package variable is read elsewhere
	}
	return id
}

// errorTarget returns the identifier the call's error result is assigned
// to (possibly _), from the assignment or var declaration whose only
// right-hand side is the call, or nil.
func (c *checker) errorTarget(call *ssa.Call) *ast.Ident {
	var lhs []ast.Expr
	switch p := c.callParent(call.Pos()).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			lhs = p.Lhs
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, n := range p.Names {
				lhs = append(lhs, n)
			}
		}
	}
	res := errorResult(call.Common().Signature())
	if res < 0 || res >= len(lhs) {
		return nil
	}
	id, _ := lhs[res].(*ast.Ident)
	return id
}

// reportOverwritten reports the dead error assignment at id.
func (c *checker) reportOverwritten(call *ssa.Call, id *ast.Ident) {
	c.pass.Report(analysis.Diagnostic{
		Pos:      id.Pos(),
		End:      id.End(),
		Category: RuleOverwritten,
		Message: fmt.Sprintf("the error from %s (line %d) is assigned to %s but never checked: %s is assigned again or the function ends before anything reads it, and the failure is lost",
			calleeName(call.Common()), c.line(call.Pos()), id.Name, id.Name),
	})
}

// infallible reports whether call is a method that documents that it never
// returns an error: writes to a bytes.Buffer or strings.Builder, and to a
// hash.Hash.
func infallible(call *ssa.CallCommon) bool {
	if call.IsInvoke() {
		t := call.Value.Type()
		return call.Method.Name() == "Write" && (typematch.Named(t, "hash", "Hash") || typematch.Named(t, "hash", "Hash32") || typematch.Named(t, "hash", "Hash64"))
	}
	fn := call.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil {
		return false
	}
	recv := fn.Signature.Recv().Type()
	return typematch.PointerTo(recv, "bytes", "Buffer") || typematch.PointerTo(recv, "strings", "Builder")
}

// blanked reports whether fn assigns the variable obj to the blank
// identifier (_ = err): SSA keeps no use of it, but the drop is said.
func (c *checker) blanked(fn *ssa.Function, obj types.Object) bool {
	body := fn.Syntax()
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == "_" && i < len(as.Rhs) {
				if r, ok := as.Rhs[i].(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(r) == obj {
					found = true
				}
			}
		}
		return true
	})
	return found
}
