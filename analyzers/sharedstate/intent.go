package sharedstate

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// An access is exempted only by a machine annotation the author wrote for
// a checker, never by prose: "// BUG: this read is racy" or "// safe:
// only read after Start" say nothing a tool can check, and the first is
// the opposite of permission (issue #23). //reviewlint:ignore, //nolint
// and //lint:ignore are handled for every rule by the directive package;
// what is read here is gVisor checklocks' exemption, so that code already
// annotated for checklocks needs no second annotation:
//
//	x.n++ // +checklocksignore          (on the access's line or the line above)
//	// +checklocksignore                (in the doc of the function, or of
//	func (x *T) reset() { ... }          a function it is nested in)
//
// +checklocks:ignore is checklocks' older spelling of the function form.
const checklocksIgnore = "+checklocksignore"

// notes indexes, per file and line, the lines holding a checklocks
// exemption.
type notes struct {
	fset  *token.FileSet
	lines map[string]map[int]bool
}

// indexNotes finds the exemptions in the files' comments.
func indexNotes(fset *token.FileSet, files []*ast.File) *notes {
	n := &notes{fset: fset, lines: map[string]map[int]bool{}}
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				if !isIgnoreAnnotation(c.Text) {
					continue
				}
				p := fset.Position(c.Pos())
				m := n.lines[p.Filename]
				if m == nil {
					m = map[int]bool{}
					n.lines[p.Filename] = m
				}
				m[p.Line] = true
			}
		}
	}
	return n
}

// isIgnoreAnnotation reports whether the comment text is a checklocks
// exemption: the annotation is a word of its own (a reason may follow
// after a colon).
func isIgnoreAnnotation(text string) bool {
	for _, w := range strings.Fields(strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*")) {
		if w = strings.TrimRight(w, ":,.;"); w == checklocksIgnore || w == "+checklocks:ignore" {
			return true
		}
	}
	return false
}

// ignoredAt reports whether the access at pos in fn carries a checklocks
// exemption on its line or the line above, or fn (or a function it is
// nested in) does in its doc comment.
func (n *notes) ignoredAt(fn *ssa.Function, pos token.Pos) bool {
	if n == nil {
		return false
	}
	p := n.fset.Position(pos)
	if m := n.lines[p.Filename]; m[p.Line] || m[p.Line-1] {
		return true
	}
	for ; fn != nil; fn = fn.Parent() {
		if decl, ok := fn.Syntax().(*ast.FuncDecl); ok && decl.Doc != nil {
			for _, c := range decl.Doc.List {
				if isIgnoreAnnotation(c.Text) {
					return true
				}
			}
		}
	}
	return false
}

// bodyOf returns fn's body in the syntax tree, if it has one.
func bodyOf(fn *ssa.Function) *ast.BlockStmt {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}
