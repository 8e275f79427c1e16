// Package leaks holds what the analyzers that report lifetime obligations
// (resourceclose, httpbody, errorlog) share: the syntax around an acquiring call (the
// names it is assigned to, the statement after it, whether it is in a
// loop), the description of a leak, and the deferred-release fix.
package leaks

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
)

// Site is the syntax around an acquiring call: the names it is
// assigned to, the statement, the statement after it, and whether it sits
// in a loop.
type Site struct {
	call   *ast.CallExpr
	lhs    []ast.Expr
	stmt   ast.Stmt // the assignment or declaration
	next   ast.Stmt // the statement after it in its block, if any
	InLoop bool
	fset   *token.FileSet
}

// Sites indexes call expressions by the position of their '(' (the
// Pos of an SSA call).
type Sites struct{ byLparen map[token.Pos]*Site }

// IndexSites indexes every call expression of the package.
func IndexSites(fset *token.FileSet, in *inspector.Inspector) *Sites {
	cs := &Sites{byLparen: map[token.Pos]*Site{}}
	in.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		cs.byLparen[call.Lparen] = siteFor(call, stack)
		cs.byLparen[call.Lparen].fset = fset
		return true
	})
	return cs
}

// At returns the site of the call whose '(' is at lparen, or nil.
func (cs *Sites) At(lparen token.Pos) *Site { return cs.byLparen[lparen] }

// siteFor finds the assignment a call is the right-hand side of.
func siteFor(call *ast.CallExpr, stack []ast.Node) *Site {
	site := &Site{call: call}
	if len(stack) < 2 {
		return site
	}
	var stmt ast.Stmt
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			site.lhs, stmt = p.Lhs, p
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, n := range p.Names {
				site.lhs = append(site.lhs, n)
			}
			if len(stack) >= 4 {
				stmt, _ = stack[len(stack)-4].(*ast.DeclStmt)
			}
		}
	}
	site.stmt = stmt
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			site.InLoop = true
		case *ast.FuncLit, *ast.FuncDecl:
			i = -1
		case *ast.BlockStmt:
			if site.next == nil && stmt != nil && i+1 < len(stack) {
				site.next = after(n, stack[i+1])
			}
		}
	}
	return site
}

// after returns the statement following s in block b.
func after(b *ast.BlockStmt, s ast.Node) ast.Stmt {
	for i, x := range b.List {
		if x == s && i+1 < len(b.List) {
			return b.List[i+1]
		}
	}
	return nil
}

// Name is the identifier result i is assigned to, or "".
func (s *Site) Name(i int) string {
	if s != nil && i == lifetime.Receiver {
		if sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok {
			return types.ExprString(sel.X)
		}
		return ""
	}
	if s == nil || i < 0 || i >= len(s.lhs) {
		return ""
	}
	if id, ok := s.lhs[i].(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// NameOr is Name, or placeholder when result i has no name (unassigned,
// or assigned to _): what a message calls the resource then.
func (s *Site) NameOr(i int, placeholder string) string {
	return nameOr(s.Name(i), placeholder)
}

// named reports whether a resource assigned to name has a name to use.
func named(name string) bool { return name != "" && name != "_" }

// nameOr is name when it is one, else placeholder.
func nameOr(name, placeholder string) string {
	if !named(name) {
		return placeholder
	}
	return name
}

// Callee renders the called function as written ("os.Open", "db.Query").
func (s *Site) Callee(ob *lifetime.Obligation) string {
	if s != nil {
		return types.ExprString(s.call.Fun)
	}
	if ob.Callee != nil {
		return ob.Callee.Name()
	}
	return "the call"
}

// End is the end of the call expression, or pos when there is no site.
func (s *Site) End(pos token.Pos) token.Pos {
	if s != nil {
		return s.call.End()
	}
	return pos
}

// InsertionPoint is where a deferred release goes: after the error check
// that directly follows the assignment, or after the assignment when the
// call returns no error (returnsError says whether its last result is one);
// in either case after the line's trailing comment, which stays with the
// statement it comments.
func (s *Site) InsertionPoint(returnsError bool) (token.Pos, bool) {
	if s.stmt == nil {
		return token.NoPos, false
	}
	errName := ""
	if n := len(s.lhs); n > 1 && returnsError {
		if id, ok := s.lhs[n-1].(*ast.Ident); ok && id.Name != "_" {
			errName = id.Name
		}
	}
	if errName == "" {
		return s.endOfLine(s.stmt.End()), true
	}
	ifs, ok := s.next.(*ast.IfStmt)
	if !ok || !checksNotNil(ifs.Cond, errName) || ifs.Else != nil {
		return token.NoPos, false
	}
	return s.endOfLine(ifs.End()), true
}

// endOfLine is the position of the newline ending pos's line.
func (s *Site) endOfLine(pos token.Pos) token.Pos { return EndOfLine(s.fset, pos) }

// EndOfLine is the position of the newline ending pos's line, so that an
// insertion lands after a trailing comment rather than before it.
func EndOfLine(fset *token.FileSet, pos token.Pos) token.Pos {
	f := fset.File(pos)
	if f == nil {
		return pos
	}
	line := f.Line(pos)
	if line >= f.LineCount() {
		return pos
	}
	return f.LineStart(line+1) - 1
}

// checksNotNil reports whether cond is "name != nil".
func checksNotNil(cond ast.Expr, name string) bool {
	be, ok := cond.(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	id, ok := be.X.(*ast.Ident)
	nilID, ok2 := be.Y.(*ast.Ident)
	return ok && ok2 && id.Name == name && nilID.Name == "nil"
}
