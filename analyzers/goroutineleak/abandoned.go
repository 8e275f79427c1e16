package goroutineleak

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/chanflow"
)

// checkAbandonedSend reports a plain send on an unbuffered channel whose
// every receiver in the package can give up for good: it receives in a
// select beside a case on ctx.Done() or on a stop channel (one that is only
// ever closed) that returns. Once that case is taken, nothing receives any
// more, and the next send blocks forever. A send in a function other
// packages can call (an exported method of an exported type: Process
// beside Close) is left alone: whether its callers send after the stop is
// out of sight.
func (p *passState) checkAbandonedSend() {
	ops := p.sum.Ops()
	classes := ops.Classes()
	for _, class := range classes {
		if !ops.Closed(class) || !ops.Unbuffered(class) || chanflow.LocalMake(class) {
			continue // a channel made and used in one function is blocked-send's
		}
		list := ops.ByClass[class]
		for _, op := range list {
			if op.Kind != chanflow.Send || !op.Blocking || isMainMain(op.Ins.Parent()) || chanflow.VisibleOutside(outermost(op.Ins.Parent())) {
				continue // other packages' callers may well send only before the stop
			}
			if stop := p.allGiveUp(ops, partnersOf(op, list)); stop.IsValid() {
				p.reportAbandonedSend(op, stop)
			}
		}
	}
}

// allGiveUp returns the give-up case of the first receiver when every
// receiver of the send can stop receiving for good; nil otherwise.
func (p *passState) allGiveUp(ops *chanflow.Ops, recvs []chanflow.Op) token.Pos {
	var first token.Pos
	for _, r := range recvs {
		sel, ok := r.Ins.(*ssa.Select)
		if !ok {
			return token.NoPos // a plain receive waits for the send
		}
		stop := giveUpCase(ops, sel)
		if !stop.IsValid() {
			return token.NoPos
		}
		if !first.IsValid() {
			first = stop
		}
	}
	return first
}

// giveUpCase returns the position of a case of sel that receives from a
// permanent channel and cannot come back to sel: the receiver has left for
// good. NoPos when there is none.
func giveUpCase(ops *chanflow.Ops, sel *ssa.Select) token.Pos {
	for _, b := range sel.Parent().Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		k, s := chanflow.SelectCase(ifi)
		if s != sel || k < 0 || k >= len(sel.States) {
			continue
		}
		st := sel.States[k]
		body := b.Succs[0]
		if st.Dir != types.RecvOnly || !ops.Permanent(st.Chan) || body == sel.Block() || chanflow.Reaches([]*ssa.BasicBlock{body}, sel.Block(), nil) {
			continue
		}
		return st.Pos
	}
	return token.NoPos
}

// reportAbandonedSend reports the send and where its receiver gives up.
func (p *passState) reportAbandonedSend(op chanflow.Op, pos token.Pos) {
	p.pass.Report(analysis.Diagnostic{
		Pos:      opPos(op),
		Category: RuleAbandonedSend,
		Message: fmt.Sprintf("goroutine sends on %s with no way to give up, but every receiver stops receiving for good when its done case fires (line %d), so a send after that blocks forever; select on the same done channel or ctx.Done() in the sender too",
			p.className(op.Class), p.line(pos)),
		Related: []analysis.RelatedInformation{{Pos: pos, Message: "the receiver gives up here"}},
	})
}
