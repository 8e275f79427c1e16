package goroutineleak

import (
	"fmt"
	"go/ast"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/chanflow"
)

// checkBlockedReceive reports consumer goroutines of fn that range over a
// channel fn made and feeds, when a path of fn returns without closing it:
// the consumer waits for the close forever.
func (p *passState) checkBlockedReceive(fn *ssa.Function, chans []*channel) {
	if isMainMain(fn) {
		return
	}
	for _, ch := range chans {
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
	seen := map[state]bool{}
	work := []state{{fn.Blocks[0], false}}
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[st] {
			continue
		}
		seen[st] = true
		started := st.started
		next := st.b.Succs
	instrs:
		for _, ins := range st.b.Instrs {
			switch {
			case closes[ins], endsProgram(ins):
				next = nil
				break instrs
			case ins == ch.make && started:
				next = nil // a new channel: the loop's previous one is out of reach
				break instrs
			}
			switch ins := ins.(type) {
			case *ssa.Go:
				if consumers[ins] {
					started = true
				}
			case *ssa.Return:
				if started {
					return ins
				}
			}
		}
		for _, s := range next {
			work = append(work, state{s, started})
		}
	}
	return nil
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
	if len(ch.closes) == 0 && !chanflow.InCycle(ch.make.Block()) && name != "the channel" {
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
