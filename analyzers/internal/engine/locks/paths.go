package locks

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// ReturnsStillHolding returns the returns that some path from the
// acquisition reaches without releasing the lock (no Unlock, no deferred
// unlock, no callee that releases it, no goroutine taking it over). It is
// the may counterpart of Exits' must state: the path need not be the only
// one into the return. A lock an earlier defer already releases (defer
// mu.Unlock() at entry, then an Unlock ... Lock window) reaches none.
func (f *Func) ReturnsStillHolding(acq Acquisition) []*ssa.Return {
	if acq.Deferred {
		return nil
	}
	start := acq.Call.(ssa.Instruction)
	b := start.Block()
	idx := 0
	for i, ins := range b.Instrs {
		if ins == start {
			idx = i + 1
		}
	}
	var out []*ssa.Return
	seen := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock, from int)
	walk = func(b *ssa.BasicBlock, from int) {
		for _, ins := range b.Instrs[from:] {
			switch ins := ins.(type) {
			case *ssa.Return:
				out = append(out, ins)
				return
			case *ssa.Panic:
				return
			case ssa.CallInstruction:
				if f.endsHolding(ins, acq.Lock) {
					return
				}
			}
		}
		for _, succ := range b.Succs {
			if !seen[succ] {
				seen[succ] = true
				walk(succ, 0)
			}
		}
	}
	walk(b, idx)
	return out
}

// endsHolding reports whether the call ends the path's hold on l: it
// releases l (now, at every exit through defer, or in a goroutine), takes
// it again (a new acquisition), or never returns.
func (f *Func) endsHolding(ins ssa.CallInstruction, l Lock) bool {
	c := ins.Common()
	if o := mutexOp(c); o.kind != opNone {
		return RefOf(o.mu) == l && o.kind != opTryLock
	}
	if flow.NoReturn(ins) {
		return true
	}
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	sum := f.eng.summary(callee)
	if sum == nil {
		return false
	}
	if _, isCall := ins.(*ssa.Call); isCall && sum.NoReturn {
		return true
	}
	for _, as := range [][]AbsLock{sum.Releases, sum.Locks} {
		for _, a := range as {
			if m, ok := f.eng.concreteAt(a, c); ok && m == l {
				return true
			}
		}
	}
	return false
}

// unconditional reports whether b runs whenever its function returns
// normally, a loop's own test aside: no branch above b (in the dominator
// tree) leads to a return that bypasses it, except a loop header's, since
// a call made for each element of a collection stands for the usual path
// (cockroachdb/cockroach#10214: a replica locked for each queued
// heartbeat), where a call behind a test of its own may never run.
func unconditional(b *ssa.BasicBlock) bool { return unconditionalBut(b, nil) }

// unconditionalCall reports whether acq's call runs whenever its function
// returns normally (see unconditional), a test that the called function
// value is not nil aside: if cb != nil { cb() } runs the callback whenever
// there is one.
func unconditionalCall(acq Acquisition) bool {
	call := acq.Call.Common()
	if acq.Through == "" || call.IsInvoke() {
		return unconditional(acq.Call.Block())
	}
	return unconditionalBut(acq.Call.Block(), func(d *ssa.BasicBlock) bool { return nilTestOf(d, call.Value) })
}

// nilTestOf reports whether d ends in a test that fn is not nil, whose
// true edge leads on.
func nilTestOf(d *ssa.BasicBlock, fn ssa.Value) bool {
	ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	bin, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.NEQ {
		return false
	}
	x, y := bin.X, bin.Y
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x, y = y, x
	}
	if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
		return false
	}
	return sameFuncValue(x, unwrapFunc(fn))
}

// sameFuncValue reports whether a and b read the same function value: one
// value, or two loads of one field.
func sameFuncValue(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	switch a := a.(type) {
	case *ssa.UnOp:
		bu, ok := b.(*ssa.UnOp)
		if !ok || a.Op != token.MUL || bu.Op != token.MUL {
			return false
		}
		fa, ok1 := a.X.(*ssa.FieldAddr)
		fb, ok2 := bu.X.(*ssa.FieldAddr)
		return ok1 && ok2 && fa.Field == fb.Field && RefOf(fa) == RefOf(fb)
	case *ssa.Field:
		bf, ok := b.(*ssa.Field)
		return ok && a.X == bf.X && a.Field == bf.Field
	}
	return false
}

// unconditionalBut is unconditional, ignoring the branches skip accepts.
func unconditionalBut(b *ssa.BasicBlock, skip func(d *ssa.BasicBlock) bool) bool {
	for d := b.Idom(); d != nil; d = d.Idom() {
		if len(d.Succs) > 1 && !loopHeader(d) && bypasses(d, b) && (skip == nil || !skip(d)) {
			return false
		}
	}
	return true
}

// loopHeader reports whether d is the target of a back edge.
func loopHeader(d *ssa.BasicBlock) bool {
	for _, p := range d.Preds {
		if d.Dominates(p) {
			return true
		}
	}
	return false
}

// bypasses reports whether some path from d reaches a return without
// going through b.
func bypasses(d, b *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{b: true, d: true}
	work := slices.Clone(d.Succs)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if len(x.Instrs) > 0 {
			if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok {
				return true
			}
		}
		work = append(work, x.Succs...)
	}
	return false
}

// RelockedRoundLoop reports whether some path from the direct, blocking
// acquisition acq goes round a loop and takes the lock again without
// releasing it (a continue that skips the Unlock): the next iteration
// waits for the lock its own goroutine holds. The must state misses it,
// since the loop's entry edge holds nothing. Only a lock that is the same
// on every iteration counts (rooted outside the loop, no element or
// pointer load on its path), and only when the Lock runs on every
// iteration that goes round (its block dominates the back edge's
// source): a lock taken and released under one test in each iteration is
// left out, as the path that takes it and skips the release is
// infeasible.
func (f *Func) RelockedRoundLoop(acq Acquisition) bool {
	if acq.Via != nil || acq.Try || acq.Deferred {
		return false
	}
	start := acq.Call.(ssa.Instruction)
	lockBlock := start.Block()
	type state struct {
		b       *ssa.BasicBlock
		crossed bool
	}
	seen := map[state]bool{}
	var walk func(b *ssa.BasicBlock, from int, crossed bool) bool
	walk = func(b *ssa.BasicBlock, from int, crossed bool) bool {
		for _, ins := range b.Instrs[from:] {
			switch ins := ins.(type) {
			case *ssa.Return, *ssa.Panic:
				return false
			case ssa.CallInstruction:
				if crossed && f.blockingLockOf(ins, acq.Lock) {
					return true
				}
				if f.endsHolding(ins, acq.Lock) {
					return false
				}
			}
		}
		for _, succ := range b.Succs {
			next := crossed
			if succ.Dominates(b) && succ.Dominates(lockBlock) {
				// Round the loop that contains the Lock.
				if !lockBlock.Dominates(b) || !loopInvariant(acq.Lock, succ) {
					continue
				}
				next = true
			}
			if s := (state{succ, next}); !seen[s] {
				seen[s] = true
				if walk(succ, 0, next) {
					return true
				}
			}
		}
		return false
	}
	for i, ins := range lockBlock.Instrs {
		if ins == start {
			return walk(lockBlock, i+1, false)
		}
	}
	return false
}

// blockingLockOf reports whether ins is a blocking Lock or RLock of l.
func (f *Func) blockingLockOf(ins ssa.CallInstruction, l Lock) bool {
	if _, ok := ins.(*ssa.Call); !ok {
		return false
	}
	o := mutexOp(ins.Common())
	return o.kind == opLock && RefOf(o.mu) == l
}

// loopInvariant reports whether l names the same mutex on every iteration
// of the loop headed by h.
func loopInvariant(l Lock, h *ssa.BasicBlock) bool {
	if l.Index != nil || strings.ContainsAny(l.Path, "*[") {
		return false
	}
	if ins, ok := l.Root.(ssa.Instruction); ok && ins.Block() != nil && h.Dominates(ins.Block()) {
		return false
	}
	return true
}
