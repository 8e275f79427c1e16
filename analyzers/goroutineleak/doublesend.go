package goroutineleak

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkDoubleSend reports a function that sends on its channel parameter
// once on every path, and a second time on a branch that sends and falls
// through (the missing return after sending an error), when the package
// hands it an unbuffered channel received from a fixed number of times (no
// receive loop): the receiver takes its one value, and the second send of
// that path blocks forever.
func (p *passState) checkDoubleSend(fn *ssa.Function) {
	for i, param := range fn.Params {
		if _, ok := param.Type().Underlying().(*types.Chan); !ok {
			continue
		}
		sends, ok := directSends(param)
		if !ok || len(sends) != 2 {
			continue
		}
		extra, next := branchSend(fn, sends)
		if extra == nil || !p.countedReceivers(fn, i) {
			continue
		}
		p.pass.Report(analysis.Diagnostic{
			Pos:      extra.Pos(),
			Category: RuleBlockedSend,
			Message: fmt.Sprintf("this send on %s falls through to the send at line %d, so the path sends twice where the others send once, and the second send blocks forever once the receiver has taken its one value; return after this send",
				param.Name(), p.line(next.Pos())),
			Related: []analysis.RelatedInformation{{Pos: next.Pos(), Message: "sends again here"}},
		})
	}
}

// directSends returns the plain sends on v, none in a loop; false when v
// is used any other way.
func directSends(v ssa.Value) ([]*ssa.Send, bool) {
	var out []*ssa.Send
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Send:
			if r.Chan != v || r.X == v || flow.InCycle(r.Block()) {
				return nil, false
			}
			out = append(out, r)
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return out, true
}

// branchSend returns the send of a branch (extra) that falls through to a
// send every path makes (next): some path returns without extra, none
// without next.
func branchSend(fn *ssa.Function, sends []*ssa.Send) (extra, next *ssa.Send) {
	for _, s := range sends {
		for _, t := range sends {
			if t != s && onEveryPath(fn, t) && !onEveryPath(fn, s) && instrReaches(s, t) {
				return s, t
			}
		}
	}
	return nil, nil
}

// onEveryPath reports whether every path from the entry to a return
// passes ins.
func onEveryPath(fn *ssa.Function, ins ssa.Instruction) bool {
	return len(chanflow.ReturnsWithout(fn, func(x ssa.Instruction) bool { return x == ins })) == 0
}

// countedReceivers reports whether some call of fn in the package hands
// parameter i an unbuffered channel whose receives are all in sight
// (chanflow's NoHiddenReceiver) and outside loops: there the second send blocks.
func (p *passState) countedReceivers(fn *ssa.Function, i int) bool {
	ops := p.sum.Ops()
	for _, class := range p.sum.ArgClasses(fn, i) {
		if class == "" || !ops.NoHiddenReceiver(class) || !ops.Unbuffered(class) {
			continue
		}
		recvs, looped := 0, false
		for _, o := range ops.ByClass[class] {
			if o.Kind == chanflow.Recv {
				recvs++
				looped = looped || flow.InCycle(o.Ins.Block())
			}
		}
		if recvs > 0 && !looped {
			return true
		}
	}
	return false
}
