package goroutineleak

import (
	"fmt"
	"go/ast"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkBlockedReceive reports consumer goroutines of fn that range over a
// channel fn made and feeds, when a path of fn returns without closing it:
// the consumer waits for the close forever.
func (p *passState) checkBlockedReceive(fn *ssa.Function, chans []*channel) {
	if isMainMain(fn) {
		return
	}
	cfg := newCFG(fn)
	for _, ch := range chans {
		p.checkRangeOverProducer(fn, ch, cfg)
		consumers := ch.rangingConsumers()
		if len(consumers) == 0 {
			continue
		}
		if ret := ch.unclosedReturn(fn, consumers); ret != nil {
			p.reportBlockedReceive(fn, ch, consumers, ret)
		}
	}
}

// rangingConsumers returns the goroutines that receive from ch in a loop
// with no way to give up, when they are all ch's goroutines and fn itself
// does not receive from it; nil otherwise.
func (ch *channel) rangingConsumers() map[*ssa.Go]bool {
	if ch.escaped || len(ch.recvs) > 0 || len(ch.uses) == 0 {
		return nil
	}
	out := map[*ssa.Go]bool{}
	for g, r := range ch.uses {
		if !r.use.PlainReceiver() || !r.use.RecvLoop {
			return nil
		}
		out[g] = true
	}
	return out
}

// unclosedReturn returns a return of fn reached after a consumer is
// started with no close of ch (called or deferred) on the way.
func (ch *channel) unclosedReturn(fn *ssa.Function, consumers map[*ssa.Go]bool) *ssa.Return {
	closes := map[ssa.Instruction]bool{}
	for _, c := range ch.closes {
		closes[c] = true
	}
	type state struct {
		b       *ssa.BasicBlock
		started bool
	}
	var found *ssa.Return
	flow.Explore(state{fn.Blocks[0], false}, func(st state) ([]state, bool) {
		started := st.started
		for _, ins := range st.b.Instrs {
			switch {
			case closes[ins], flow.NoReturn(ins):
				return nil, false
			case ins == ch.make && started:
				return nil, false // a new channel: the loop's previous one is out of reach
			}
			switch ins := ins.(type) {
			case *ssa.Go:
				if consumers[ins] {
					started = true
				}
			case *ssa.Return:
				if started {
					found = ins
					return nil, true
				}
			}
		}
		var next []state
		for _, s := range st.b.Succs {
			next = append(next, state{s, started})
		}
		return next, false
	})
	return found
}

// reportBlockedReceive reports the first consumer and the unclosed return.
func (p *passState) reportBlockedReceive(fn *ssa.Function, ch *channel, consumers map[*ssa.Go]bool, ret *ssa.Return) {
	var gos []*ssa.Go
	for g := range consumers {
		gos = append(gos, g)
	}
	sort.Slice(gos, func(i, j int) bool { return gos[i].Pos() < gos[j].Pos() })
	name := p.chanName(ch.make)
	verb := "does not close it"
	if len(ch.closes) == 0 {
		verb = "never closes it"
	}
	d := analysis.Diagnostic{
		Pos:      gos[0].Pos(),
		End:      p.goEnd(gos[0]),
		Category: RuleBlockedReceive,
		Message: fmt.Sprintf("goroutine receives from %s (made at line %d) until it is closed, but the path returning at line %d %s, so the goroutine blocks forever; defer close(%s) where the channel is made",
			name, p.line(ch.make.Pos()), p.line(returnPos(fn, ret)), verb, name),
		Related: []analysis.RelatedInformation{{Pos: returnPos(fn, ret), Message: "returns here without closing the channel"}},
	}
	if len(ch.closes) == 0 && !flow.InCycle(ch.make.Block()) && name != "the channel" {
		if fix := p.deferCloseFix(ch.make, name); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	p.pass.Report(d)
}

// deferCloseFix inserts defer close(name) after the statement making the
// channel: every send of the function happens before it returns.
func (p *passState) deferCloseFix(m *ssa.MakeChan, name string) *analysis.SuggestedFix {
	f := p.fileOf(m.Pos())
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, m.Pos(), m.Pos())
	for _, n := range path {
		stmt, ok := n.(*ast.AssignStmt)
		if !ok {
			continue
		}
		col := p.pass.Fset.Position(stmt.Pos()).Column
		indent := strings.Repeat("\t", col-1)
		return &analysis.SuggestedFix{
			Message: fmt.Sprintf("Close %s when the function returns", name),
			TextEdits: []analysis.TextEdit{{
				Pos:     stmt.End(),
				End:     stmt.End(),
				NewText: []byte("\n" + indent + "defer close(" + name + ")"),
			}},
		}
	}
	return nil
}

// checkRangeOverProducer reports fn ranging over a channel whose only
// producer, a goroutine fn started, returns on some path without closing
// it (or never closes it): the range waits for the close forever.
func (p *passState) checkRangeOverProducer(fn *ssa.Function, ch *channel, cfg *cfgInfo) {
	if ch.escaped || len(ch.uses) != 1 || len(ch.sends) > 0 || len(ch.closes) > 0 {
		return
	}
	var g *ssa.Go
	var u chanflow.ChanUse
	for gg, r := range ch.uses {
		g, u = gg, r.use
	}
	if u.Receives || u.Escapes || u.MaxSends == 0 || (u.Closes && !u.MayReturnOpen) {
		return
	}
	recv := ch.rangeUntilClosed(cfg)
	if recv == nil {
		return
	}
	name := p.chanName(ch.make)
	what := "never closes it"
	if u.Closes {
		what = "returns without closing it on some path"
		if u.OpenReturn.IsValid() && p.fileOf(u.OpenReturn) != nil {
			what = fmt.Sprintf("returns at line %d without closing it", p.line(u.OpenReturn))
		}
	}
	at := ""
	if recv.Pos().IsValid() {
		at = fmt.Sprintf(" at line %d", p.line(recv.Pos()))
	}
	p.pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      p.goEnd(g),
		Category: RuleBlockedReceive,
		Message: fmt.Sprintf("goroutine sends on %s (made at line %d) and %s, but the loop receiving from it%s ends only when it is closed, so it waits forever; defer close(%s) first thing in the goroutine",
			name, p.line(ch.make.Pos()), what, at, name),
	})
}

// rangeUntilClosed returns the spawner's comma-ok receive from ch in a loop
// whose only way out is the channel being closed (a range with no break or
// return); nil when the spawner receives any other way or the loop can end
// otherwise.
func (ch *channel) rangeUntilClosed(cfg *cfgInfo) *ssa.UnOp {
	var found *ssa.UnOp
	for _, r := range ch.recvs {
		u, ok := r.(*ssa.UnOp)
		if !ok || !u.CommaOk || found != nil {
			return nil
		}
		found = u
	}
	if found == nil {
		return nil
	}
	l := cfg.innermostLoop(found.Block())
	if l == nil {
		return nil
	}
	for b := range l.body {
		for _, ins := range b.Instrs {
			if _, ok := ins.(*ssa.Return); ok {
				return nil
			}
		}
		for i, s := range b.Succs {
			if !l.body[s] && !isClosedEdge(b, i, found) {
				return nil
			}
		}
	}
	return found
}

// isClosedEdge reports whether the i-th edge out of b is taken when the
// comma-ok receive recv reports the channel closed.
func isClosedEdge(b *ssa.BasicBlock, i int, recv *ssa.UnOp) bool {
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok || i != 1 {
		return false
	}
	ext, ok := ifi.Cond.(*ssa.Extract)
	return ok && ext.Index == 1 && ext.Tuple == recv
}
