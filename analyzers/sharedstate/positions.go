package sharedstate

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// positions maps the positions SSA instructions carry back to the syntax
// they come from, so that every report has a full range.
type positions struct {
	nodes map[token.Pos]ast.Node
}

// indexPositions indexes calls by their '(', returns by their keyword and
// selectors by their field name.
func indexPositions(in *inspector.Inspector) *positions {
	p := &positions{nodes: map[token.Pos]ast.Node{}}
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.ReturnStmt)(nil), (*ast.SelectorExpr)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			p.nodes[n.Lparen] = n
		case *ast.ReturnStmt:
			p.nodes[n.Return] = n
		case *ast.SelectorExpr:
			p.nodes[n.Sel.Pos()] = n
		case *ast.AssignStmt:
			if _, ok := p.nodes[n.TokPos]; !ok {
				p.nodes[n.TokPos] = n
			}
		case *ast.IncDecStmt:
			p.nodes[n.TokPos] = n
		}
	})
	return p
}

// rangeAt returns the range of the syntax at pos, or a one-character
// range when nothing is indexed there.
func (p *positions) rangeAt(pos token.Pos) (token.Pos, token.Pos) {
	if n, ok := p.nodes[pos]; ok {
		return n.Pos(), n.End()
	}
	return pos, pos + 1
}

// diagnostic builds a diagnostic of rule at the syntax at pos.
func (p *positions) diagnostic(rule string, pos token.Pos, msg string, related ...analysis.RelatedInformation) analysis.Diagnostic {
	start, end := p.rangeAt(pos)
	return analysis.Diagnostic{Pos: start, End: end, Category: rule, Message: msg, Related: related}
}

// line returns pos's line number.
func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// related points at a second position with a note.
func (c *checker) related(pos token.Pos, msg string) analysis.RelatedInformation {
	start, end := c.pos.rangeAt(pos)
	return analysis.RelatedInformation{Pos: start, End: end, Message: msg}
}
