package goroutineleak

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
)

// channel is a channel made in a spawning function, with where it goes:
// the goroutines it is handed to, the spawner's receives, or an escape
// that ends the analysis of it.
type channel struct {
	make    *ssa.MakeChan
	cap     int64 // -1 when the size is not a constant
	cell    *ssa.Alloc
	values  map[ssa.Value]bool
	recvs   []ssa.Instruction // *ssa.UnOp receives and *ssa.Select with a receive case
	sends   []*ssa.Send       // the spawner's own sends
	closes  []ssa.Instruction // close(ch), called or deferred
	uses    map[*ssa.Go]*chanRef
	escaped bool
	sum     *chanflow.Result
}

// chanRef is how a goroutine gets the channel: a parameter or a free
// variable of the function it runs, and what it does with it.
type chanRef struct {
	param, freeVar int // -1 when unused
	use            chanflow.ChanUse
}

// findChannels returns the channels made in fn and traced through it.
func findChannels(fn *ssa.Function, sum *chanflow.Result) []*channel {
	var out []*channel
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if m, ok := ins.(*ssa.MakeChan); ok {
				ch := traceChannel(m, sum)
				ch.summarize(sum)
				out = append(out, ch)
			}
		}
	}
	return out
}

// traceChannel follows a made channel through the spawner.
func traceChannel(m *ssa.MakeChan, sum *chanflow.Result) *channel {
	ch := &channel{make: m, cap: -1, values: map[ssa.Value]bool{}, uses: map[*ssa.Go]*chanRef{}, sum: sum}
	if c, ok := m.Size.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
		if n, exact := constant.Int64Val(c.Value); exact {
			ch.cap = n
		}
	}
	work := []ssa.Value{m}
	for len(work) > 0 && !ch.escaped {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if ch.values[v] {
			continue
		}
		ch.values[v] = true
		for _, r := range *v.Referrers() {
			work = append(work, ch.valueUse(v, r)...)
		}
	}
	return ch
}

// valueUse records one use of the channel value v in the spawner and
// returns the values it flows to.
func (ch *channel) valueUse(v ssa.Value, r ssa.Instruction) []ssa.Value {
	switch r := r.(type) {
	case *ssa.Store:
		if r.Val == v {
			return ch.storeInCell(r)
		}
	case *ssa.UnOp:
		if r.Op == token.ARROW {
			ch.recvs = append(ch.recvs, r)
			return nil
		}
	case *ssa.Select:
		return ch.selectUse(r, v)
	case *ssa.ChangeType:
		return []ssa.Value{r}
	case *ssa.Send:
		if r.Chan == v && r.X != v {
			ch.sends = append(ch.sends, r)
			return nil
		}
	case *ssa.Call:
		c := r.Common()
		if c.Value != v && chanflow.IsBuiltin(c, "close") {
			ch.closes = append(ch.closes, r)
			return nil
		}
		if c.Value != v && (chanflow.IsBuiltin(c, "len") || chanflow.IsBuiltin(c, "cap")) {
			return nil
		}
		if ch.helperReceives(r, v) {
			return nil
		}
	case *ssa.Defer:
		if c := r.Common(); c.Value != v && chanflow.IsBuiltin(c, "close") {
			ch.closes = append(ch.closes, r)
			return nil
		}
	case *ssa.Go:
		if r.Call.Value != v && r.Call.StaticCallee() != nil {
			for i, a := range r.Call.Args {
				if a == v {
					ch.ref(r).param = i
				}
			}
			return nil
		}
	case *ssa.DebugRef:
		return nil
	}
	ch.escaped = true
	return nil
}

// helperReceives records a call handing the channel to a function that only
// receives from it, at most once per path: a receive on every path of the
// callee is a receive of the spawner's; one it can skip (a select with
// ctx.Done) is not. False for any other callee: an escape.
func (ch *channel) helperReceives(call *ssa.Call, v ssa.Value) bool {
	callee := call.Call.StaticCallee()
	if callee == nil || call.Call.Value == v {
		return false
	}
	recvAll := true
	for i, a := range call.Call.Args {
		if a != v {
			continue
		}
		u := ch.sum.Param(callee, i)
		if u == nil || u.Escapes || u.MaxSends > 0 || u.Guarded || u.Closes || u.RecvLoop || u.RecvMax > 1 {
			return false
		}
		recvAll = recvAll && u.Receives && u.RecvAll
	}
	if recvAll {
		ch.recvs = append(ch.recvs, call)
	}
	return true
}

// storeInCell follows the channel into the local variable it is stored in
// (a variable captured by a closure lives in a cell): loads of the cell are
// the channel, closures capturing it are goroutines, anything else escapes.
func (ch *channel) storeInCell(st *ssa.Store) []ssa.Value {
	cell, ok := st.Addr.(*ssa.Alloc)
	if !ok || ch.cell != nil || cell.Parent() != ch.make.Parent() {
		ch.escaped = true
		return nil
	}
	ch.cell = cell
	var vals []ssa.Value
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r != st {
				ch.escaped = true // the variable is reassigned
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				vals = append(vals, r)
			} else {
				ch.escaped = true
			}
		case *ssa.MakeClosure:
			ch.captured(r, cell)
		case *ssa.DebugRef:
		default:
			ch.escaped = true
		}
	}
	return vals
}

// captured records a closure capturing the channel's variable: only a
// closure that is started by a go statement and used nowhere else is a
// goroutine the analysis follows.
func (ch *channel) captured(mc *ssa.MakeClosure, cell ssa.Value) {
	var g *ssa.Go
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.Go:
			if r.Call.Value == mc && g == nil {
				g = r
				continue
			}
		case *ssa.DebugRef:
			continue
		}
		ch.escaped = true
		return
	}
	if g == nil {
		ch.escaped = true
		return
	}
	for i, b := range mc.Bindings {
		if b == cell {
			ch.ref(g).freeVar = i
		}
	}
}

// selectUse records a select in the spawner: a receive case is a receive;
// sending the channel or sending on it is beyond this analysis.
func (ch *channel) selectUse(sel *ssa.Select, v ssa.Value) []ssa.Value {
	for _, st := range sel.States {
		if st.Send == v || (st.Chan == v && st.Dir != types.RecvOnly) {
			ch.escaped = true
			return nil
		}
	}
	ch.recvs = append(ch.recvs, sel)
	return nil
}

func (ch *channel) ref(g *ssa.Go) *chanRef {
	r := ch.uses[g]
	if r == nil {
		r = &chanRef{param: -1, freeVar: -1}
		ch.uses[g] = r
	}
	return r
}

// summarize computes what each goroutine does with the channel.
func (ch *channel) summarize(sum *chanflow.Result) {
	if ch.escaped {
		return
	}
	for g, r := range ch.uses {
		fn := g.Call.StaticCallee()
		if r.param >= 0 && r.freeVar >= 0 {
			ch.escaped = true
			return
		}
		if r.freeVar >= 0 {
			r.use = sum.FreeVar(fn, r.freeVar)
			continue
		}
		u := sum.Param(fn, r.param)
		if u == nil {
			ch.escaped = true
			return
		}
		r.use = *u
	}
}

// senders returns the go statements whose goroutine sends on ch, in
// source order.
func (ch *channel) senders() []*ssa.Go {
	var out []*ssa.Go
	for g, r := range ch.uses {
		if r.use.MaxSends > 0 {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// countable reports whether every goroutine given ch only sends on it or
// only closes it: then the spawner is the only receiver, and the sends can
// be counted against its receives.
func (ch *channel) countable() bool {
	if ch.escaped || ch.cap < 0 || len(ch.sends) > 0 {
		return false
	}
	for _, r := range ch.uses {
		u := r.use
		if u.Escapes || u.Receives || u.Guarded {
			return false
		}
	}
	return len(ch.senders()) > 0
}
