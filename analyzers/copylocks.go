package analyzers

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// withoutResetCopies wraps go vet's copylocks pass so that it stays silent
// on a copy whose every lock is replaced by a fresh zero value in the
// statements right after it, before anything else runs:
//
//	c2 := *c
//	c2.mu = sync.RWMutex{}
//
// (hashicorp/vault's Client clones). The copied lock state is thrown away
// before the copy can be locked, so the copy does not split one lock into
// two; every other copy is reported as vet reports it.
func withoutResetCopies(vet *analysis.Analyzer) *analysis.Analyzer {
	wrapped := *vet
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			if !locksResetAfter(pass, d.Pos) {
				pass.Report(d)
			}
		}
		return vet.Run(&inner)
	}
	return &wrapped
}

// locksResetAfter reports whether pos is a copy `x := y` (or `x = y`) into
// a struct variable whose lock-holding fields are each assigned a zero
// composite literal by the statements that follow it directly.
func locksResetAfter(pass *analysis.Pass, pos token.Pos) bool {
	file := fileAt(pass, pos)
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	var assign *ast.AssignStmt
	var block *ast.BlockStmt
	for i, n := range path {
		if a, ok := n.(*ast.AssignStmt); ok && i+1 < len(path) {
			assign = a
			block, _ = path[i+1].(*ast.BlockStmt)
			break
		}
	}
	if assign == nil || block == nil || len(assign.Lhs) != 1 {
		return false
	}
	x, ok := assign.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	obj := pass.TypesInfo.ObjectOf(x)
	if obj == nil {
		return false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	need := map[string]bool{}
	for i := range st.NumFields() {
		if f := st.Field(i); holdsLock(f.Type(), 0) {
			need[f.Name()] = true
		}
	}
	if len(need) == 0 {
		return false
	}
	for _, s := range block.List[indexOf(block.List, assign)+1:] {
		field, ok := zeroFieldAssign(pass, s, obj)
		if !ok || !need[field] {
			break // anything else may use the copy's lock
		}
		delete(need, field)
	}
	return len(need) == 0
}

// zeroFieldAssign recognises `x.f = T{}` for the variable obj and returns f.
func zeroFieldAssign(pass *analysis.Pass, s ast.Stmt, obj types.Object) (string, bool) {
	a, ok := s.(*ast.AssignStmt)
	if !ok || a.Tok != token.ASSIGN || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
		return "", false
	}
	sel, ok := a.Lhs[0].(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	if id, ok := sel.X.(*ast.Ident); !ok || pass.TypesInfo.ObjectOf(id) != obj {
		return "", false
	}
	lit, ok := a.Rhs[0].(*ast.CompositeLit)
	if !ok || len(lit.Elts) != 0 {
		return "", false
	}
	return sel.Sel.Name, true
}

// holdsLock reports whether a value of type t holds a lock: *t has Lock
// and Unlock methods, or t is a struct or array holding such a value (vet's
// own notion of a lock).
func holdsLock(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	if _, ok := t.Underlying().(*types.Pointer); ok {
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	if ms.Lookup(nil, "Lock") != nil && ms.Lookup(nil, "Unlock") != nil {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := range u.NumFields() {
			if holdsLock(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	case *types.Array:
		return holdsLock(u.Elem(), depth+1)
	}
	return false
}

// fileAt returns the file of pass that contains pos.
func fileAt(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// indexOf returns the index of s in list, or -1.
func indexOf(list []ast.Stmt, s ast.Stmt) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
