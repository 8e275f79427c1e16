package goroutineleak

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkNilChannel reports sends and receives (range included) on a channel
// that is nil on every path reaching them: declared and never made. A nil
// channel in a select case is the idiom for disabling the case and is not
// an operation here (the select is its own instruction).
func (p *passState) checkNilChannel(fn *ssa.Function) {
	if isMainMain(fn) {
		return // blocking main forever on purpose
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Send:
				if isNilChannel(ins.Chan) {
					p.reportNilChannel(ins.Pos(), "send on a nil channel blocks forever: the channel is declared but never made; initialise it with make")
				}
			case *ssa.UnOp:
				if ins.Op == token.ARROW && isNilChannel(ins.X) {
					p.reportNilChannel(ins.Pos(), "receive from a nil channel blocks forever: the channel is declared but never made; initialise it with make")
				}
			}
		}
	}
}

// isNilChannel reports whether v is nil on every path: the constant nil,
// or a load of a variable (captured by closures, so kept in a cell) that no
// function ever stores to.
func isNilChannel(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.UnOp:
		if v.Op == token.MUL {
			cell := rootCell(v.X, 0)
			return cell != nil && neverStored(cell, 0)
		}
	}
	return false
}

// rootCell returns the local variable's cell that x (a cell or a closure's
// free variable bound to one) refers to, or nil.
func rootCell(x ssa.Value, depth int) *ssa.Alloc {
	switch x := x.(type) {
	case *ssa.Alloc:
		if x.Heap || x.Parent() != nil {
			return x
		}
	case *ssa.FreeVar:
		if depth > 4 {
			return nil
		}
		if b := flow.BindingOf(x); b != nil {
			return rootCell(b, depth+1)
		}
	}
	return nil
}

// neverStored reports whether the cell (or a free variable bound to it) is
// only ever loaded: no store, no address taken and passed on.
func neverStored(cell ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			fn := r.Fn.(*ssa.Function)
			for i, b := range r.Bindings {
				if b == cell && !neverStored(fn.FreeVars[i], depth+1) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// reportNilChannel reports at the statement or expression starting at pos.
func (p *passState) reportNilChannel(pos token.Pos, msg string) {
	if !pos.IsValid() {
		return
	}
	end := pos + 1
	if f := p.fileOf(pos); f != nil {
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			if cc, ok := n.(*ast.CommClause); ok && cc.Comm != nil && cc.Comm.Pos() <= pos && pos < cc.Comm.End() {
				return // a select case (one case alone is lowered to a plain operation)
			}
		}
		for _, n := range path {
			if isChanOpNode(n) {
				end = n.End()
				break
			}
		}
	}
	p.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleNilChannel, Message: msg})
}

// isChanOpNode reports whether n is a syntax node of a channel operation.
func isChanOpNode(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.SendStmt, *ast.RangeStmt:
		return true
	case *ast.UnaryExpr:
		return n.Op == token.ARROW
	}
	return false
}
