package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// maxCounted bounds the sends counted one by one; beyond it, or when a
// goroutine is started in a loop, the sends are "many".
const maxCounted = 16

// group is a set of channels that the same goroutines send on (a result
// channel and an error channel): a receive on any of them takes that
// goroutine's one message.
type group struct {
	chans   []*channel
	senders []*ssa.Go
	sends   map[*ssa.Go]int // most sends on one path of each goroutine, across the group
	buffer  int64           // the smallest buffer among the channels
	recvs   map[ssa.Instruction]bool
	makes   map[*ssa.MakeChan]bool
	// cases maps a select to the indexes of its cases receiving from the group.
	cases map[*ssa.Select]map[int]bool
}

// checkBlockedSend reports goroutines of fn that can block forever sending
// on a channel fn made, because on some path fn returns without receiving.
func (p *passState) checkBlockedSend(fn *ssa.Function, chans []*channel) {
	if isMainMain(fn) {
		return // when main returns the process ends: nothing leaks
	}
	cfg := newCFG(fn)
	for _, g := range groupChannels(chans, p.sum) {
		if len(g.senders) == 0 {
			continue
		}
		if total, ok := g.countedSends(cfg); ok {
			if total <= g.buffer {
				continue
			}
			if l := g.finiteWalk(fn); l != nil {
				p.reportBlockedSend(fn, g, l, total)
			}
			continue
		}
		if g.buffer != 0 {
			continue // a buffer against an unknown number of sends: cannot tell
		}
		if l := g.manyWalk(fn, cfg); l != nil {
			p.reportBlockedSend(fn, g, l, chanflow.ManySends)
		}
	}
}

// isMainMain reports whether fn is func main of a command.
func isMainMain(fn *ssa.Function) bool {
	return fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main" && fn.Parent() == nil && fn.Signature.Recv() == nil
}

// groupChannels joins the countable channels that share a sending
// goroutine; a group touching a channel that is not countable is dropped.
func groupChannels(chans []*channel, sum *chanflow.Result) []*group {
	parent := map[*channel]*channel{}
	find := func(c *channel) *channel {
		for parent[c] != c {
			c = parent[c]
		}
		return c
	}
	bySender := map[*ssa.Go][]*channel{}
	for _, c := range chans {
		parent[c] = c
		for g, r := range c.uses {
			if r.use.MaxSends > 0 || r.use.Escapes || r.use.Receives {
				bySender[g] = append(bySender[g], c)
			}
		}
	}
	for _, cs := range bySender {
		for _, c := range cs[1:] {
			parent[find(c)] = find(cs[0])
		}
	}
	byRoot := map[*channel]*group{}
	var out []*group
	for _, c := range chans {
		r := find(c)
		g := byRoot[r]
		if g == nil {
			g = &group{buffer: c.cap, sends: map[*ssa.Go]int{}, recvs: map[ssa.Instruction]bool{}, makes: map[*ssa.MakeChan]bool{}, cases: map[*ssa.Select]map[int]bool{}}
			byRoot[r] = g
			out = append(out, g)
		}
		g.chans = append(g.chans, c)
	}
	var ok []*group
	for _, g := range out {
		if g.build(bySender, sum) {
			ok = append(ok, g)
		}
	}
	return ok
}

// build fills the group's senders, receives and buffer; false when one of
// its channels cannot be counted.
func (g *group) build(bySender map[*ssa.Go][]*channel, sum *chanflow.Result) bool {
	seen := map[*ssa.Go]bool{}
	for _, c := range g.chans {
		if !c.countable() {
			return false
		}
		g.buffer = min(g.buffer, c.cap)
		g.makes[c.make] = true
		for _, s := range c.senders() {
			if !seen[s] {
				seen[s] = true
				g.senders = append(g.senders, s)
			}
		}
		for _, r := range c.recvs {
			g.recvs[r] = true
			if sel, ok := r.(*ssa.Select); ok {
				g.addCases(sel, c)
			}
		}
	}
	for _, s := range g.senders {
		n, ok := jointSends(s, bySender[s], sum)
		if !ok {
			return false
		}
		g.sends[s] = n
	}
	return true
}

// addCases records which cases of sel receive from c.
func (g *group) addCases(sel *ssa.Select, c *channel) {
	if g.cases[sel] == nil {
		g.cases[sel] = map[int]bool{}
	}
	for i, st := range sel.States {
		if c.values[st.Chan] {
			g.cases[sel][i] = true
		}
	}
}

// jointSends returns the most sends one path of goroutine s makes across
// the channels cs it sends on.
func jointSends(s *ssa.Go, cs []*channel, sum *chanflow.Result) (int, bool) {
	if len(cs) == 1 {
		return cs[0].uses[s].use.MaxSends, true
	}
	fn := s.Call.StaticCallee()
	var seeds []ssa.Value
	for _, c := range cs {
		r := c.uses[s]
		switch {
		case r.freeVar >= 0:
			vals, ok := chanflow.LoadsOf(fn.FreeVars[r.freeVar])
			if !ok {
				return 0, false
			}
			seeds = append(seeds, vals...)
		case fn.Blocks != nil && fn.Pkg != nil && fn.Pkg.Pkg == sum.Pkg():
			seeds = append(seeds, fn.Params[r.param])
		default:
			return 0, false
		}
	}
	u := sum.Values(fn, seeds)
	return u.MaxSends, true
}

// countedSends returns the number of sends the group's goroutines make in
// all, when it is known: no goroutine is started in a loop or sends in one.
func (g *group) countedSends(cfg *cfgInfo) (int64, bool) {
	total := 0
	for _, s := range g.senders {
		if g.repeats(s) || g.sends[s] >= chanflow.ManySends {
			return 0, false
		}
		total += g.sends[s]
	}
	return int64(total), total <= maxCounted
}

// repeats reports whether the go statement s can run again without the
// group's channels being made again: goroutines started in a loop share
// the channel, while a channel made in the loop body has one sender per
// iteration.
func (g *group) repeats(s *ssa.Go) bool {
	for m := range g.makes {
		if m.Block() == s.Block() && indexOf(m) < indexOf(s) {
			return false
		}
		if !flow.ReachesAvoiding(s.Block().Succs, s.Block(), m.Block()) {
			return false
		}
	}
	return true
}

// leak is a path of the spawner on which a sender is left blocked.
type leak struct {
	ret *ssa.Return
	// remake, when set instead of ret, is the make that a loop reaches
	// again with the previous channel's sender still blocked.
	remake *ssa.MakeChan
	// recv is the receive after which the path leaves a receive loop (or
	// takes the only receive), nil when no receive was made at all.
	recv ssa.Instruction
}

// finiteWalk explores fn's paths counting sends started and values
// received; a return with more sends outstanding than the buffer holds
// leaves a goroutine blocked.
func (g *group) finiteWalk(fn *ssa.Function) *leak {
	type state struct {
		b                 *ssa.BasicBlock
		spawned, received int
	}
	var found *leak
	flow.Explore(state{b: fn.Blocks[0]}, func(st state) ([]state, bool) {
		spawned, received := st.spawned, st.received
		if spawned > maxCounted {
			return nil, false // a bound, whatever the loop: never hang
		}
		for _, ins := range st.b.Instrs {
			if flow.NoReturn(ins) {
				return nil, false
			}
			switch ins := ins.(type) {
			case *ssa.MakeChan:
				if g.makes[ins] {
					if int64(spawned-received) > g.buffer {
						found = &leak{remake: ins} // the next iteration drops the channel
						return nil, true
					}
					spawned, received = 0, 0
				}
			case *ssa.Go:
				spawned += g.sends[ins]
			case *ssa.UnOp, *ssa.Call:
				if g.recvs[ins] {
					received = min(received+1, spawned)
				}
			case *ssa.Return:
				if int64(spawned-received) > g.buffer {
					found = &leak{ret: ins}
					return nil, true
				}
			case *ssa.If:
				if k, sel := g.caseTest(ins); sel != nil {
					return []state{
						{ins.Block().Succs[0], spawned, min(received+boolInt(g.cases[sel][k]), spawned)},
						{ins.Block().Succs[1], spawned, received},
					}, false
				} else if g.closedTest(ins) {
					// The channel is closed and drained: every send so far
					// was received.
					return []state{
						{ins.Block().Succs[0], spawned, received},
						{ins.Block().Succs[1], spawned, spawned},
					}, false
				}
			}
		}
		var next []state
		for _, s := range st.b.Succs {
			next = append(next, state{s, spawned, received})
		}
		return next, false
	})
	return found
}

// caseTest recognises the test `index == k` the SSA builder emits after a
// select with a case receiving from the group; sel is nil otherwise.
func (g *group) caseTest(ifi *ssa.If) (int, *ssa.Select) {
	k, sel := chanflow.SelectCase(ifi)
	if sel == nil || g.cases[sel] == nil {
		return 0, nil
	}
	return k, sel
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// manyWalk handles goroutines started in a loop (or sending in one): a
// path returning after a spawn with no receive at all leaks, and so does a
// path leaving a receive loop other than through its header (a return or a
// break from the body), or taking a single receive outside any loop.
func (g *group) manyWalk(fn *ssa.Function, cfg *cfgInfo) *leak {
	recvLoops := map[*ssa.BasicBlock]bool{}
	for r := range g.recvs {
		if l := cfg.innermostLoop(r.Block()); l != nil {
			recvLoops[l.header] = true
		}
	}
	if ret, remake := g.walkUncovered(fn.Blocks[0], 0, recvLoops, true); ret != nil || remake != nil {
		return &leak{ret: ret, remake: remake}
	}
	for r := range g.recvs {
		l := cfg.innermostLoop(r.Block())
		if l != nil && g.spawnsIn(l) {
			continue // spawn and receive alternate in one loop
		}
		stop := map[*ssa.BasicBlock]bool{}
		if l != nil {
			stop[l.header] = true
		}
		for _, st := range g.afterReceive(r) {
			if ret, _ := g.walkUncovered(st.b, st.i, stop, false); ret != nil {
				return &leak{ret: ret, recv: r}
			}
		}
	}
	return nil
}

// spawnsIn reports whether a sender of the group is started inside l.
func (g *group) spawnsIn(l *loop) bool {
	for _, s := range g.senders {
		if l.body[s.Block()] {
			return true
		}
	}
	return false
}

type position struct {
	b *ssa.BasicBlock
	i int
}

// afterReceive returns where paths go on once r has received: the next
// instruction, or for a select the bodies of its receiving cases.
func (g *group) afterReceive(r ssa.Instruction) []position {
	sel, ok := r.(*ssa.Select)
	if !ok {
		return []position{{r.Block(), indexOf(r) + 1}}
	}
	var out []position
	for _, b := range sel.Parent().Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if k, s := g.caseTest(ifi); s == sel && g.cases[sel][k] {
			out = append(out, position{b.Succs[0], 0})
		}
	}
	return out
}

func indexOf(ins ssa.Instruction) int {
	for i, x := range ins.Block().Instrs {
		if x == ins {
			return i
		}
	}
	return -1
}

// walkUncovered looks for a return reachable from (b, i) without a receive
// from the group. Blocks in stop end a path (a receive loop's header);
// before the first spawn nothing is owed when needSpawn is set. A comma-ok
// receive's closed edge ends a path: the channel is drained.
func (g *group) walkUncovered(b *ssa.BasicBlock, i int, stop map[*ssa.BasicBlock]bool, needSpawn bool) (*ssa.Return, *ssa.MakeChan) {
	type state struct {
		b       *ssa.BasicBlock
		spawned bool
		i       int
	}
	var ret *ssa.Return
	var remake *ssa.MakeChan
	flow.Explore(state{b, !needSpawn, i}, func(it state) ([]state, bool) {
		if it.i == 0 && it.spawned && stop[it.b] {
			return nil, false
		}
		spawned := it.spawned
		next := it.b.Succs
	instrs:
		for _, ins := range it.b.Instrs[it.i:] {
			if flow.NoReturn(ins) {
				next = nil
				break
			}
			switch ins := ins.(type) {
			case *ssa.MakeChan:
				if g.makes[ins] && spawned {
					if needSpawn {
						remake = ins // the loop goes round and drops the channel
						return nil, true
					}
					next = nil // a new channel; what was sent before is out of reach
					break instrs
				}
			case *ssa.Go:
				if g.sends[ins] > 0 {
					spawned = true
				}
			case *ssa.UnOp, *ssa.Call:
				if spawned && g.recvs[ins] {
					next = nil
					break instrs
				}
			case *ssa.Return:
				if spawned {
					ret = ins
					return nil, true
				}
			case *ssa.If:
				if k, sel := g.caseTest(ins); sel != nil && spawned && g.cases[sel][k] {
					next = it.b.Succs[1:]
				} else if g.closedTest(ins) {
					next = it.b.Succs[:1]
				}
			}
		}
		out := make([]state, len(next))
		for k, s := range next {
			out[k] = state{s, spawned, 0}
		}
		return out, false
	})
	return ret, remake
}

// closedTest reports whether ifi tests the ok of a comma-ok receive from
// the group: its false edge means the channel is closed and drained.
func (g *group) closedTest(ifi *ssa.If) bool {
	ext, ok := ifi.Cond.(*ssa.Extract)
	if !ok || ext.Index != 1 {
		return false
	}
	u, ok := ext.Tuple.(*ssa.UnOp)
	return ok && u.CommaOk && g.recvs[u]
}

// reportBlockedSend reports the group's first sender with the leaking path.
func (p *passState) reportBlockedSend(fn *ssa.Function, g *group, l *leak, total int64) {
	sender := g.senders[0]
	ch := g.chans[0]
	for _, c := range g.chans {
		if c.uses[sender] != nil && c.uses[sender].use.MaxSends > 0 {
			ch = c
			break
		}
	}
	name := p.chanName(ch.make)
	made := p.line(ch.make.Pos())
	var msg string
	if l.remake != nil {
		p.reportRemade(g, ch, sender, l.remake, total)
		return
	}
	retLine := p.line(returnPos(fn, l.ret))
	var fix *analysis.SuggestedFix
	switch {
	case total < chanflow.ManySends:
		msg = fmt.Sprintf("goroutine sends on %s (made at line %d) but the path returning at line %d does not receive from it, so the goroutine blocks forever; %s",
			name, made, retLine, p.bufferAdvice(ch, total))
		if total == 1 && ch.cap == 0 {
			fix = p.bufferFix(ch.make, 1)
		}
	case !g.startedInLoop():
		// One goroutine (or a few, each once) sending in a loop.
		if l.recv == nil {
			msg = fmt.Sprintf("goroutine sends on %s (made at line %d) in a loop, but the path returning at line %d does not receive from it, so the goroutine blocks forever; drain the channel before returning, or give the sender a done channel to select on",
				name, made, retLine)
		} else {
			msg = fmt.Sprintf("goroutine sends on %s (made at line %d) in a loop, but after the receive at line %d the path returns at line %d before all sends are received, so the goroutine blocks on its next send forever; drain the channel, or give the sender a done channel to select on",
				name, made, p.line(l.recv.Pos()), retLine)
		}
	case l.recv == nil:
		msg = fmt.Sprintf("goroutines started in a loop send on %s (made at line %d) but the path returning at line %d does not receive from it, so they block forever; buffer the channel for every sender or drain it before returning",
			name, made, retLine)
	default:
		msg = fmt.Sprintf("goroutines started in a loop send on %s (made at line %d) but after the receive at line %d the path returns at line %d before all sends are received, so the remaining senders block forever; buffer the channel for every sender, or drain it",
			name, made, p.line(l.recv.Pos()), retLine)
	}
	d := analysis.Diagnostic{
		Pos:      sender.Pos(),
		End:      p.goEnd(sender),
		Category: RuleBlockedSend,
		Message:  msg,
		Related:  []analysis.RelatedInformation{{Pos: returnPos(fn, l.ret), Message: "returns here without receiving"}},
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	p.pass.Report(d)
}

// startedInLoop reports whether a sender of the group is started in a
// loop (rather than only sending in one).
func (g *group) startedInLoop() bool {
	for _, s := range g.senders {
		if g.repeats(s) {
			return true
		}
	}
	return false
}

// bufferAdvice says how big a buffer fixes a counted leak.
func (p *passState) bufferAdvice(ch *channel, total int64) string {
	return fmt.Sprintf("give the channel a buffer for every send: make(%s, %d)", types.TypeString(ch.make.Type(), types.RelativeTo(p.pass.Pkg)), total)
}

// bufferFix inserts the buffer size into the make call of the channel.
func (p *passState) bufferFix(m *ssa.MakeChan, n int) *analysis.SuggestedFix {
	call := p.callAt(m.Pos())
	if call == nil || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil
	}
	return &analysis.SuggestedFix{
		Message: fmt.Sprintf("Give the channel a buffer of %d", n),
		TextEdits: []analysis.TextEdit{{
			Pos:     call.Args[0].End(),
			End:     call.Args[0].End(),
			NewText: fmt.Appendf(nil, ", %d", n),
		}},
	}
}

// callAt finds the call expression whose left parenthesis is at lparen.
func (p *passState) callAt(lparen token.Pos) *ast.CallExpr {
	var found *ast.CallExpr
	for _, f := range p.pass.Files {
		if f.Pos() > lparen || lparen > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.Pos() > lparen || n.End() < lparen {
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok && c.Lparen == lparen {
				found = c
				return false
			}
			return true
		})
	}
	return found
}

// reportRemade reports a loop that makes a new channel while the previous
// iteration's goroutine is still blocked sending on the old one.
func (p *passState) reportRemade(g *group, ch *channel, sender *ssa.Go, remake *ssa.MakeChan, total int64) {
	msg := fmt.Sprintf("goroutine sends on %s (made at line %d) but a loop iteration goes on without receiving from it and makes a new channel, so the goroutine blocks forever; %s",
		p.chanName(ch.make), p.line(ch.make.Pos()), p.bufferAdvice(ch, total))
	d := analysis.Diagnostic{
		Pos:      sender.Pos(),
		End:      p.goEnd(sender),
		Category: RuleBlockedSend,
		Message:  msg,
	}
	if total == 1 && ch.cap == 0 {
		if fix := p.bufferFix(ch.make, 1); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	p.pass.Report(d)
}
