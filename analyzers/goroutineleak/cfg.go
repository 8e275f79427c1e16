package goroutineleak

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// maxBlocks bounds the functions analysed: bigger ones are skipped, never
// hung on.
const maxBlocks = chanflow.MaxBlocks

// cfgInfo caches per-function control-flow facts.
type cfgInfo struct {
	fn      *ssa.Function
	loops   []*loop
	loopsOK bool
}

// loop is a natural loop: its header and its body (header included).
type loop struct {
	header *ssa.BasicBlock
	body   map[*ssa.BasicBlock]bool
}

func newCFG(fn *ssa.Function) *cfgInfo {
	return &cfgInfo{fn: fn}
}

// innermostLoop returns the smallest natural loop containing b, or nil.
func (c *cfgInfo) innermostLoop(b *ssa.BasicBlock) *loop {
	if !c.loopsOK {
		c.loopsOK = true
		c.loops = naturalLoops(c.fn)
	}
	var best *loop
	for _, l := range c.loops {
		if l.body[b] && (best == nil || len(l.body) < len(best.body)) {
			best = l
		}
	}
	return best
}

// naturalLoops finds the loops of fn from its back edges (an edge to a
// block that dominates its source), merging loops that share a header.
func naturalLoops(fn *ssa.Function) []*loop {
	byHeader := map[*ssa.BasicBlock]*loop{}
	var out []*loop
	for _, b := range fn.Blocks {
		for _, h := range b.Succs {
			if !h.Dominates(b) {
				continue
			}
			if byHeader[h] == nil {
				l := &loop{header: h, body: flow.NaturalLoop(h)}
				byHeader[h] = l
				out = append(out, l)
			}
		}
	}
	return out
}

// returnPos is where a return is in the source: its own position, or the
// closing brace of the function for an implicit one.
func returnPos(fn *ssa.Function, ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return fn.Pos()
}
