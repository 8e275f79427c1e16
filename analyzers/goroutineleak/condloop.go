package goroutineleak

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// checkCondLoopInvariant reports a Cond.Wait inside a loop whose every way
// out is a test of a value computed before the loop (a constant, a local
// copy of the state): nothing the signalling goroutine changes is read
// again, so once the loop is entered no Signal can end it.
func (p *passState) checkCondLoopInvariant(fn *ssa.Function) {
	var cfg *cfgInfo
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			c, ok := ins.(*ssa.Call)
			if !ok || !isCondWait(c.Common()) {
				continue
			}
			if cfg == nil {
				cfg = newCFG(fn)
			}
			l := cfg.innermostLoop(b)
			if l == nil {
				continue
			}
			if test := invariantExit(l); test != nil {
				p.reportCondLoopInvariant(c, test)
			}
		}
	}
}

// isCondWait reports whether c calls (*sync.Cond).Wait.
func isCondWait(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Name() != "Wait" || callee.Signature.Recv() == nil {
		return false
	}
	return typematch.PointerTo(callee.Signature.Recv().Type(), "sync", "Cond")
}

// invariantExit returns the test of the loop's way out when the loop has
// one, every edge out of it leaves an If whose condition is defined
// outside the loop, and nothing in it returns; nil otherwise.
func invariantExit(l *loop) *ssa.If {
	var test *ssa.If
	for b := range l.body {
		last := b.Instrs[len(b.Instrs)-1]
		if _, ok := last.(*ssa.Return); ok {
			return nil
		}
		for _, s := range b.Succs {
			if l.body[s] {
				continue
			}
			ifi, ok := last.(*ssa.If)
			if !ok || !invariant(ifi.Cond, l, 0) {
				return nil
			}
			if test == nil || ifi.Pos() < test.Pos() {
				test = ifi
			}
		}
	}
	return test
}

// invariant reports whether v does not change while the loop runs: a
// constant, a parameter, a value computed before the loop, or pure
// arithmetic (no load, no call, no receive) on such values.
func invariant(v ssa.Value, l *loop, depth int) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Parameter:
		return true
	case ssa.Instruction:
		if !l.body[v.Block()] {
			return true
		}
		if depth > 4 {
			return false
		}
		switch v := v.(type) {
		case *ssa.UnOp:
			return v.Op == token.NOT && invariant(v.X, l, depth+1)
		case *ssa.BinOp:
			return invariant(v.X, l, depth+1) && invariant(v.Y, l, depth+1)
		case *ssa.Convert:
			return invariant(v.X, l, depth+1)
		case *ssa.ChangeType:
			return invariant(v.X, l, depth+1)
		}
	}
	return false
}

// reportCondLoopInvariant reports the Wait and the test that never changes.
func (p *passState) reportCondLoopInvariant(c *ssa.Call, test *ssa.If) {
	text, pos, end := p.callText(c)
	at := ""
	if test.Cond.Pos().IsValid() {
		at = fmt.Sprintf(" (line %d)", p.line(test.Cond.Pos()))
	}
	p.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleCondLoopInvariant,
		Message: fmt.Sprintf("%s is in a loop whose condition%s is computed before the loop and never read again: no Signal can end the wait; test the shared state itself (a field read under the lock) in the loop condition",
			text, at),
	})
}
