package goroutineleak

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkWaitInLoop reports a WaitGroup.Wait inside a loop that starts
// goroutines calling Done on the same WaitGroup, when the only Add is made
// before the loop: the count covers every iteration's goroutine, so the
// first Wait waits for goroutines not started yet and never returns (and
// with a count of one, the second iteration's Done panics).
func (p *passState) checkWaitInLoop(fn *ssa.Function) {
	if firstWaitGroupCall(fn, "Wait") == nil || firstWaitGroupCall(fn, "Add") == nil {
		return
	}
	cfg := newCFG(fn)
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			w, ok := ins.(*ssa.Call)
			if !ok || !isWaitGroupMethod(w.Common(), "Wait") {
				continue
			}
			l := cfg.innermostLoop(b)
			if l == nil || !flow.Reaches(b, l.header) || !flow.ReachesWithin(b, l.header, l.body) {
				continue
			}
			wg := w.Call.Args[0]
			add := addBefore(fn, l, wg)
			if add == nil || !startsDoneIn(l, wg) {
				continue
			}
			p.reportWaitInLoop(w, add)
		}
	}
}

// addBefore returns the Add on wg that dominates the loop from outside it,
// when no Add on wg is inside the loop; nil otherwise.
func addBefore(fn *ssa.Function, l *loop, wg ssa.Value) *ssa.Call {
	var before *ssa.Call
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			c, ok := ins.(*ssa.Call)
			if !ok || !isWaitGroupMethod(c.Common(), "Add") || !sameAddress(c.Call.Args[0], wg) {
				continue
			}
			if l.body[b] {
				return nil
			}
			if b.Dominates(l.header) && before == nil {
				before = c
			}
		}
	}
	return before
}

// startsDoneIn reports whether the loop starts a goroutine that is handed
// wg (an argument or a captured variable) and calls Done.
func startsDoneIn(l *loop, wg ssa.Value) bool {
	for b := range l.body {
		for _, ins := range b.Instrs {
			g, ok := ins.(*ssa.Go)
			if !ok {
				continue
			}
			body := g.Call.StaticCallee()
			if body == nil || body.Blocks == nil || !handsOver(g, wg) {
				continue
			}
			if callsOrDefersDone(body) {
				return true
			}
		}
	}
	return false
}

// handsOver reports whether the go statement gives its goroutine wg, or
// the value wg is a field of.
func handsOver(g *ssa.Go, wg ssa.Value) bool {
	vals := g.Call.Args
	if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
		vals = append(vals[:len(vals):len(vals)], mc.Bindings...)
	}
	for _, v := range vals {
		for w := wg; w != nil; w = fieldBase(w) {
			if sameAddress(v, w) {
				return true
			}
		}
	}
	return false
}

// fieldBase returns the value v is the address of a field of; nil if none.
func fieldBase(v ssa.Value) ssa.Value {
	if fa, ok := v.(*ssa.FieldAddr); ok {
		return fa.X
	}
	return nil
}

// callsOrDefersDone reports whether fn calls or defers WaitGroup.Done.
func callsOrDefersDone(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if c, ok := ins.(ssa.CallInstruction); ok && isWaitGroupMethod(c.Common(), "Done") {
				return true
			}
		}
	}
	return false
}

// sameAddress reports whether a and b are the same WaitGroup: the same
// value, or the same field of the same value.
func sameAddress(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	fa, ok1 := a.(*ssa.FieldAddr)
	fb, ok2 := b.(*ssa.FieldAddr)
	return ok1 && ok2 && fa.Field == fb.Field && sameAddress(fa.X, fb.X)
}

// reportWaitInLoop reports the Wait with the Add that counts for the loop.
func (p *passState) reportWaitInLoop(w, add *ssa.Call) {
	waitText, pos, end := p.callText(w)
	addText, _, _ := p.callText(add)
	p.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleWaitGroupWaitInLoop,
		Message: fmt.Sprintf("%s inside the loop that starts the goroutines counted by %s (line %d) before it: the first Wait waits for goroutines not started yet and never returns; move the Wait after the loop, or Add inside it",
			waitText, addText, p.line(add.Pos())),
		Related: []analysis.RelatedInformation{{Pos: add.Pos(), Message: "counted here, for every iteration"}},
	})
}
