package goroutineleak

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkAbandonedSend reports a plain send on an unbuffered channel whose
// every receiver in the package can give up for good: it receives in a
// select beside a case that leaves the loop on ctx.Done(), on a stop
// channel (one that is only ever closed) or on a stop request (a chan
// struct{} receive). Once that case is taken, nothing receives any more,
// and the next send blocks forever. A send in a function other packages
// can call (Process beside Close) is reported only when the package itself
// expects calls after the stop: another of its selects gives up on the
// receiver's stop channel or on a channel the receiver closes as it
// leaves (etcd-io/etcd#6857: Stop selects on done, Status does not).
// Otherwise whether its callers send only before the stop is out of sight.
func (p *passState) checkAbandonedSend() {
	ops := p.sum.Ops()
	classes := ops.Classes()
	for _, class := range classes {
		if ops.Closed(class) && ops.Unbuffered(class) {
			p.checkAbandonedRecv(ops, class, ops.ByClass[class])
		}
		if !ops.Closed(class) || !ops.Unbuffered(class) || chanflow.LocalMake(class) {
			continue // a channel made and used in one function is blocked-send's
		}
		list := ops.ByClass[class]
		for _, op := range list {
			if op.Kind != chanflow.Send || !op.Blocking || isMainMain(op.Ins.Parent()) {
				continue
			}
			stops, ok := p.allGiveUp(ops, partnersOf(op, list))
			if !ok || stopsBy(stops, class) {
				continue
			}
			if chanflow.VisibleOutside(outermost(op.Ins.Parent())) && !givesUpElsewhere(ops, stops) {
				continue // other packages' callers may well send only before the stop
			}
			p.reportAbandonedSend(op, stops[0].pos)
		}
	}
}

// checkAbandonedRecv is the mirror of the send case: a plain receive from
// a channel nobody closes, whose every sender sends in a select beside a
// case that leaves for good (ctx.Done(), a stop channel, a stop request).
// Once the senders have left, the receive waits forever. The same limits
// hold: a receive in a function other packages can call needs the
// package to expect calls after the stop. A channel made in one function
// counts too: a worker that gives up on ctx.Done() leaves the function
// that waits for its result stuck.
func (p *passState) checkAbandonedRecv(ops *chanflow.Ops, class string, list []chanflow.Op) {
	var sends []chanflow.Op
	for _, o := range list {
		switch o.Kind {
		case chanflow.Close:
			return // the receive gets the zero value once the senders are done
		case chanflow.Send:
			sends = append(sends, o)
		}
	}
	if len(sends) == 0 {
		return // no-partner's
	}
	var stops []giveUp
	for _, o := range sends {
		sel, ok := o.Ins.(*ssa.Select)
		if !ok {
			return // a plain send comes to the receive
		}
		g, ok := p.giveUpCase(ops, sel)
		if !ok {
			return
		}
		stops = append(stops, g)
	}
	if stopsBy(stops, class) {
		return
	}
	for _, op := range list {
		if op.Kind != chanflow.Recv || !op.Blocking || isMainMain(op.Ins.Parent()) {
			continue
		}
		if _, ok := op.Ins.(*ssa.Select); ok {
			continue // a one-case select is a receive, but keep to plain ones
		}
		if closedByReceiver(ops, stops, op.Ins.Parent()) {
			continue // the senders leave once the receiver has
		}
		if !chanflow.LocalMake(class) && chanflow.VisibleOutside(outermost(op.Ins.Parent())) && !givesUpElsewhere(ops, stops) {
			continue // a channel of its own is made per call: callers do not matter
		}
		p.reportAbandonedRecv(op, stops[0].pos)
	}
}

// giveUp is a receiver's way out: the case that leaves, and the channel
// classes it leaves by (the case's channel, and those it closes on the way).
type giveUp struct {
	pos     token.Pos
	recv    *ssa.Function
	classes []string
}

// allGiveUp returns the give-up case of each receiver when every receiver
// of the send can stop receiving for good.
func (p *passState) allGiveUp(ops *chanflow.Ops, recvs []chanflow.Op) ([]giveUp, bool) {
	var out []giveUp
	for _, r := range recvs {
		sel, ok := r.Ins.(*ssa.Select)
		if !ok {
			return nil, false // a plain receive waits for the send
		}
		g, ok := p.giveUpCase(ops, sel)
		if !ok {
			return nil, false
		}
		out = append(out, g)
	}
	return out, len(out) > 0
}

// giveUpCase returns a case of sel that receives from a permanent channel
// or a stop request and cannot come back to sel: the receiver has left for
// good.
func (p *passState) giveUpCase(ops *chanflow.Ops, sel *ssa.Select) (giveUp, bool) {
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
		if st.Dir != types.RecvOnly || !ops.Permanent(st.Chan) && !signalOnly(st.Chan) || body == sel.Block() || flow.Reaches(body, sel.Block()) {
			continue
		}
		return giveUp{pos: st.Pos, recv: sel.Parent(), classes: p.leavingClasses(ops, st.Chan, body)}, true
	}
	return giveUp{}, false
}

// signalOnly reports whether ch carries no data (chan struct{}): a receive
// from it that leaves the loop is a stop request, whoever sends it.
func signalOnly(ch ssa.Value) bool {
	c, ok := ch.Type().Underlying().(*types.Chan)
	if !ok {
		return false
	}
	s, ok := c.Elem().Underlying().(*types.Struct)
	return ok && s.NumFields() == 0
}

// leavingClasses returns the class of the give-up channel (first) and of
// the channels closed in the blocks the give-up case reaches.
func (p *passState) leavingClasses(ops *chanflow.Ops, ch ssa.Value, body *ssa.BasicBlock) []string {
	out := []string{p.sum.Class(ch)}
	for class, list := range ops.ByClass {
		for _, o := range list {
			if o.Kind == chanflow.Close && o.Ins.Parent() == body.Parent() && (o.Ins.Block() == body || flow.Reaches(body, o.Ins.Block())) {
				out = append(out, class)
				break
			}
		}
	}
	return out
}

// givesUpElsewhere reports whether some select of the package outside the
// receivers has a case on a class a receiver leaves by.
func givesUpElsewhere(ops *chanflow.Ops, stops []giveUp) bool {
	for _, g := range stops {
		for _, class := range g.classes {
			for _, o := range ops.ByClass[class] {
				if sel, ok := o.Ins.(*ssa.Select); ok && !o.Blocking && !receiverIn(sel.Parent(), stops) {
					return true
				}
			}
		}
	}
	return false
}

// stopsBy reports whether a receiver gives up on class itself: a send on
// it is the stop request, not a send the stop abandons.
func stopsBy(stops []giveUp, class string) bool {
	for _, g := range stops {
		if g.classes[0] == class {
			return true
		}
	}
	return false
}

// receiverIn reports whether fn is one of the receivers that give up.
func receiverIn(fn *ssa.Function, stops []giveUp) bool {
	for _, g := range stops {
		if g.recv == fn {
			return true
		}
	}
	return false
}

// closedByReceiver reports whether some sender gives up on a channel that
// only the receiver's function (its closures and defers included) closes:
// the receiver signals its own stop, so the senders leave after it has.
func closedByReceiver(ops *chanflow.Ops, stops []giveUp, recv *ssa.Function) bool {
	top := outermost(recv)
	for _, g := range stops {
		closes := 0
		for _, o := range ops.ByClass[g.classes[0]] {
			if o.Kind != chanflow.Close {
				continue
			}
			if outermost(o.Ins.Parent()) != top {
				closes = -1
				break
			}
			closes++
		}
		if closes > 0 {
			return true
		}
	}
	return false
}

// reportAbandonedRecv reports the receive and where its sender gives up.
func (p *passState) reportAbandonedRecv(op chanflow.Op, pos token.Pos) {
	p.pass.Report(analysis.Diagnostic{
		Pos:      opPos(op),
		Category: RuleAbandonedSend,
		Message: fmt.Sprintf("goroutine receives from %s with no way to give up, but every sender stops sending for good when its done case fires (line %d), and nothing closes the channel, so a receive after that blocks forever; select on the same done channel or ctx.Done() in the receiver too",
			p.className(op.Class), p.line(pos)),
		Related: []analysis.RelatedInformation{{Pos: pos, Message: "the sender gives up here"}},
	})
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
