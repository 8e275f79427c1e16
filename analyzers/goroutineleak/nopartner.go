package goroutineleak

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
)

// checkNoPartner reports a blocking send or receive on a channel that
// nothing else can ever complete: no code of the package receives from it
// (for a send) or sends on it or closes it (for a receive), and no value of
// it leaves the package's sight (chanflow's Closed: not exported, not handed
// to another package, not assigned from elsewhere). The goroutine waits
// forever. A channel that leaves only receive-only (an exported getter
// returning <-chan) can have receivers outside, never senders: its
// receives are still reported.
func (p *passState) checkNoPartner() {
	ops := p.sum.Ops()
	classes := ops.Classes()
	for _, class := range classes {
		closed := ops.Closed(class)
		if !closed && !ops.NoOutsideSender(class) {
			continue
		}
		list := ops.ByClass[class]
		for _, op := range list {
			if !op.Blocking || isMainMain(op.Ins.Parent()) || (!closed && op.Kind != chanflow.Recv) {
				// A class handed out receive-only may have receivers
				// outside, never senders or closers: only its receives
				// are known to have no partner.
				continue
			}
			switch op.Kind {
			case chanflow.Send:
				if recvs := partnersOf(op, list); len(recvs) > 0 {
					if ops.Unbuffered(class) {
						if lit := madeAfter(op.Ins, recvs); lit != nil {
							p.reportLateReceiver(op, lit)
						}
					}
					continue
				}
				switch {
				case ops.Unbuffered(class):
					p.reportNoPartner(op, "sends on %s, but nothing in the package receives from it, so the send blocks forever; receive from the channel where it is consumed, or drop the send")
				case ops.NoSetBuffer(class):
					// A buffer sized by the caller (kubernetes/kubernetes#38669
					// built its watcher's result channel with a size of 0):
					// with nobody receiving, the sends block once it fills.
					p.reportNoPartner(op, "sends on %s, but nothing in the package receives from it, and its buffer is sized by a variable (possibly 0), so the send blocks forever once the buffer fills; receive from the channel where it is consumed, or drop the send")
				}
			case chanflow.Recv:
				if len(partnersOf(op, list)) == 0 {
					p.reportNoPartner(op, "receives from %s, but nothing in the package sends on it or closes it, so the receive blocks forever; close the channel when its producer is done, or select on a done channel as well")
				}
			case chanflow.CondWait:
				if len(partnersOf(op, list)) == 0 {
					p.reportNoPartner(op, "waits on %s, but nothing in the package calls its Signal or Broadcast, so Wait never returns; signal the condition where the state it waits for changes")
				}
			}
		}
	}
}

// madeAfter returns, when every receive of recvs is inside a function
// literal of the send's function (or one nested in it) and each reference
// to that literal comes after the send on every path to it (the send
// dominates it), the first such reference: no receiver exists before the
// send first runs, and the send waits for one that only comes after it,
// so the first send blocks forever (cockroachdb/cockroach#24808: a kick
// sent before starting the worker that reads it). Nil otherwise.
func madeAfter(send ssa.Instruction, recvs []chanflow.Op) ssa.Instruction {
	fn := send.Parent()
	var first ssa.Instruction
	for _, r := range recvs {
		lit := r.Ins.Parent()
		for lit != nil && lit.Parent() != fn {
			lit = lit.Parent()
		}
		if lit == nil {
			return nil // the receive is in fn itself or out of its literals
		}
		refs := literalRefs(fn, lit)
		if len(refs) == 0 {
			return nil
		}
		for _, ref := range refs {
			if !dominates(send, ref) {
				return nil
			}
		}
		if first == nil {
			first = refs[0]
		}
	}
	return first
}

// literalRefs returns the instructions of fn that use its function
// literal lit: the MakeClosure binding it, or any use of it as a value.
func literalRefs(fn, lit *ssa.Function) []ssa.Instruction {
	var out []ssa.Instruction
	var buf [8]*ssa.Value
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			for _, v := range ins.Operands(buf[:0]) {
				if v != nil && *v == lit {
					out = append(out, ins)
					break
				}
			}
		}
	}
	return out
}

// dominates reports whether every path to b in their function passes a
// first.
func dominates(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		return indexOf(a) < indexOf(b)
	}
	return a.Block().Dominates(b.Block())
}

// reportLateReceiver reports a send whose receivers are all made after it.
func (p *passState) reportLateReceiver(op chanflow.Op, lit ssa.Instruction) {
	p.pass.Report(analysis.Diagnostic{
		Pos:      opPos(op),
		Category: RuleNoPartner,
		Message: fmt.Sprintf("goroutine sends on %s, but every receive from it is in a function literal made after this send (line %d), so the send blocks forever; start the receiver before sending, or give the channel a buffer",
			p.className(op.Class), p.line(lit.Pos())),
		Related: []analysis.RelatedInformation{{Pos: lit.Pos(), Message: "the receiver is made here"}},
	})
}

// reportNoPartner reports op with msg naming its channel.
func (p *passState) reportNoPartner(op chanflow.Op, msg string) {
	p.pass.Report(analysis.Diagnostic{
		Pos:      opPos(op),
		Category: RuleNoPartner,
		Message:  "goroutine " + fmt.Sprintf(msg, p.className(op.Class)),
	})
}
