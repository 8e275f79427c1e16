package goroutineleak

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

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
				if len(partnersOf(op, list)) > 0 {
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

// reportNoPartner reports op with msg naming its channel.
func (p *passState) reportNoPartner(op chanflow.Op, msg string) {
	p.pass.Report(analysis.Diagnostic{
		Pos:      opPos(op),
		Category: RuleNoPartner,
		Message:  "goroutine " + fmt.Sprintf(msg, p.className(op.Class)),
	})
}
