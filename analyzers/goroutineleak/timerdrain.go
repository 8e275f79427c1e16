package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// checkTimerDrain reports the drain idiom `if !t.Stop() { <-t.C }` on a
// path where t's value was already received with no Reset in between.
// Stop returns false because the timer fired (or was stopped); its one
// value is gone, so the drain waits forever. This holds with the pre-1.23
// buffered timer channel and with the 1.23 synchronous one alike (since Go
// 1.23 Stop returns true whenever a running timer's value was not yet
// received, so a false means the value was taken or never comes).
func (p *passState) checkTimerDrain(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			d, ok := ins.(*ssa.UnOp)
			if !ok || d.Op != token.ARROW {
				continue
			}
			timer := timerOf(d.X)
			if timer == nil || !p.afterFailedStop(d, timer) {
				continue
			}
			if r := p.receivedBefore(fn, d, timer, privateTimer(timer)); r.IsValid() {
				p.reportTimerDrain(d, r)
			}
		}
	}
}

// timerOf returns the *time.Timer whose C field ch is loaded from, or nil.
func timerOf(ch ssa.Value) ssa.Value {
	ld, ok := ch.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || !isTimer(fa.X.Type()) || typematch.FieldName(fa.X.Type(), fa.Field) != "C" {
		return nil
	}
	return fa.X
}

// isTimer reports whether t is *time.Timer.
func isTimer(t types.Type) bool { return typematch.PointerTo(t, "time", "Timer") }

// afterFailedStop reports whether d's block is entered only from the edge
// of a test on which timer.Stop() returned false.
func (p *passState) afterFailedStop(d *ssa.UnOp, timer ssa.Value) bool {
	b := d.Block()
	if len(b.Preds) != 1 {
		return false
	}
	ifi, ok := b.Preds[0].Instrs[len(b.Preds[0].Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cond, onFalse := ifi.Cond, b == ifi.Block().Succs[1]
	for range 2 {
		cond, onFalse = negated(cond, onFalse)
	}
	call, ok := cond.(*ssa.Call)
	return ok && onFalse && p.timerMethod(call.Common(), "Stop", timer)
}

// negated strips a negation of cond (!x, x == false, x != true), flipping
// which edge tests cond false.
func negated(cond ssa.Value, onFalse bool) (ssa.Value, bool) {
	switch c := cond.(type) {
	case *ssa.UnOp:
		if c.Op == token.NOT {
			return c.X, !onFalse
		}
	case *ssa.BinOp:
		k, ok := c.Y.(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Bool || (c.Op != token.EQL && c.Op != token.NEQ) {
			break
		}
		// x == false and x != true are !x.
		if (c.Op == token.EQL) != constant.BoolVal(k.Value) {
			return c.X, !onFalse
		}
		return c.X, onFalse
	}
	return cond, onFalse
}

// timerMethod reports whether c calls the time.Timer method name on timer
// (or on the same timer: one field, one value).
func (p *passState) timerMethod(c *ssa.CallCommon, name string, timer ssa.Value) bool {
	f := c.StaticCallee()
	if f == nil || f.Signature.Recv() == nil || !isTimer(f.Signature.Recv().Type()) || f.Name() != name || len(c.Args) == 0 {
		return false
	}
	return timer == nil || p.sum.Same(c.Args[0], timer)
}

// receivedBefore returns where fn receives from the same timer's channel,
// other than d, on a path that reaches d with nothing on it that could
// re-arm or replace the timer; NoPos when there is none.
func (p *passState) receivedBefore(fn *ssa.Function, d *ssa.UnOp, timer ssa.Value, private bool) token.Pos {
	for _, b := range fn.Blocks {
		for i, ins := range b.Instrs {
			if ins == d {
				continue
			}
			switch r := ins.(type) {
			case *ssa.UnOp:
				if r.Op == token.ARROW && p.sameTimerChan(r.X, timer) && p.reachesUnarmed(b, i+1, d, private) {
					return r.Pos()
				}
			case *ssa.Select:
				if pos := p.selectReaches(r, timer, d, private); pos.IsValid() {
					return pos
				}
			}
		}
	}
	return token.NoPos
}

// sameTimerChan reports whether ch is the C of the same timer.
func (p *passState) sameTimerChan(ch, timer ssa.Value) bool {
	t := timerOf(ch)
	return t != nil && p.sum.Same(t, timer)
}

// selectReaches returns the position of a case of sel receiving from the
// timer's channel that leads to d with nothing re-arming the timer on the
// way; NoPos when there is none.
func (p *passState) selectReaches(sel *ssa.Select, timer ssa.Value, d *ssa.UnOp, private bool) token.Pos {
	for k, st := range sel.States {
		if st.Dir != types.RecvOnly || !p.sameTimerChan(st.Chan, timer) {
			continue
		}
		if body := selectCaseBody(sel, k); body != nil && p.reachesUnarmed(body, 0, d, private) {
			return st.Pos
		}
	}
	return token.NoPos
}

// selectCaseBody returns the block that runs when sel takes case k.
func selectCaseBody(sel *ssa.Select, k int) *ssa.BasicBlock {
	for _, b := range sel.Parent().Blocks {
		if ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if kk, s := chanflow.SelectCase(ifi); s == sel && kk == k {
				return b.Succs[0]
			}
		}
	}
	return nil
}

// reachesUnarmed reports whether d is reachable from instruction i of
// block b without passing anything that may re-arm or replace a timer: a
// Reset, a new timer, a timer stored or merged (a Phi), or a call into
// code that could do either (this package's functions, function values,
// interface methods, another package's function given a timer). A
// private timer (see privateTimer) is re-armed only by its own Reset.
func (p *passState) reachesUnarmed(b *ssa.BasicBlock, i int, d *ssa.UnOp, private bool) bool {
	found := false
	flow.Explore(flow.At{B: b, I: i}, func(at flow.At) ([]flow.At, bool) {
		for _, ins := range at.B.Instrs[at.I:] {
			if ins == d {
				found = true
				return nil, true
			}
			if p.mayRearm(ins, private) {
				return nil, false
			}
		}
		return flow.AtSuccs(at.B), false
	})
	return found
}

// mayRearm reports whether ins may re-arm or replace a timer; for a
// private one, only a call of the time package or one given a timer can.
func (p *passState) mayRearm(ins ssa.Instruction, private bool) bool {
	switch ins := ins.(type) {
	case *ssa.Phi:
		return isTimer(ins.Type())
	case *ssa.Store:
		return isTimer(ins.Val.Type())
	case ssa.CallInstruction:
		c := ins.Common()
		if _, ok := c.Value.(*ssa.Builtin); ok {
			return false
		}
		if p.timerMethod(c, "Stop", nil) {
			return false
		}
		if f := c.StaticCallee(); private && (f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "time") {
			return passesTimer(c)
		}
		if c.IsInvoke() {
			// A method of a standard library interface (ctx.Done, a
			// writer's Write) is not a timer's keeper; others may be.
			return !stdInterface(c.Value.Type()) || passesTimer(c)
		}
		f := c.StaticCallee()
		if f == nil || f.Pkg == nil || f.Pkg.Pkg == p.pass.Pkg {
			return true
		}
		if f.Pkg.Pkg.Path() == "time" {
			// Reset re-arms; NewTimer and AfterFunc make the timer anew.
			return f.Name() == "Reset" || f.Name() == "NewTimer" || f.Name() == "AfterFunc"
		}
		return passesTimer(c)
	}
	return false
}

// privateTimer reports whether timer is a local time.NewTimer that no
// other code can reach: it is used only to read its channel and to call
// its methods, never stored, captured, merged or passed on.
func privateTimer(timer ssa.Value) bool {
	call, ok := timer.(*ssa.Call)
	if !ok {
		return false
	}
	if f := call.Call.StaticCallee(); f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "time" || f.Name() != "NewTimer" {
		return false
	}
	for _, r := range *call.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case ssa.CallInstruction:
			c := r.Common()
			f := c.StaticCallee()
			if f == nil || f.Signature.Recv() == nil || !isTimer(f.Signature.Recv().Type()) || c.Args[0] != timer {
				return false
			}
			for _, a := range c.Args[1:] {
				if a == timer {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// passesTimer reports whether the call is given a timer.
func passesTimer(c *ssa.CallCommon) bool {
	for _, a := range c.Args {
		if isTimer(a.Type()) {
			return true
		}
	}
	return false
}

// stdInterface reports whether t is a named interface of the standard
// library (its package path has no dot in its first element).
func stdInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	first, _, _ := strings.Cut(n.Obj().Pkg().Path(), "/")
	return !strings.Contains(first, ".")
}

// reportTimerDrain reports the drain d and the receive r that took the
// timer's value before it.
func (p *passState) reportTimerDrain(d *ssa.UnOp, r token.Pos) {
	name := "the timer's C"
	if f := p.fileOf(d.Pos()); f != nil {
		path, _ := astutil.PathEnclosingInterval(f, d.Pos(), d.Pos())
		for _, n := range path {
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
				name = types.ExprString(u.X)
				break
			}
		}
	}
	p.pass.Report(analysis.Diagnostic{
		Pos:      d.Pos(),
		Category: RuleTimerDrain,
		Message: fmt.Sprintf("goroutine drains %s after Stop returned false, but on a path through line %d its value was already received with no Reset since, so the drain blocks forever; drain with a select and a default, or Reset the timer after each receive",
			name, p.line(r)),
		Related: []analysis.RelatedInformation{{Pos: r, Message: "the timer's value is received here"}},
	})
}
