// Package flow is the SSA substrate the engines and rules share, so that
// none keeps its own copy: callees and receivers, calls that never return,
// reachability and loops, and the path explorer (Explore).
package flow

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// BindingOf returns the value the enclosing function bound to the free
// variable fv when it made the closure (a function literal is made in one
// place only); nil when fv's function is not a literal or no MakeClosure
// binds it.
func BindingOf(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	if idx < 0 || fn.Parent() == nil {
		return nil
	}
	for _, b := range fn.Parent().Blocks {
		for _, ins := range b.Instrs {
			if mc, ok := ins.(*ssa.MakeClosure); ok && mc.Fn == fn && idx < len(mc.Bindings) {
				return mc.Bindings[idx]
			}
		}
	}
	return nil
}

// Reaches reports whether block to is reachable from from by at least one
// edge (so a block reaches itself only around a cycle).
func Reaches(from, to *ssa.BasicBlock) bool { return reach(from.Succs, to, nil) }

// InCycle reports whether b can reach itself: what it does may happen any
// number of times.
func InCycle(b *ssa.BasicBlock) bool { return Reaches(b, b) }

// ReachesWithin is Reaches through the blocks of region only (to itself
// need not be in it); a nil region is the whole function.
func ReachesWithin(from, to *ssa.BasicBlock, region map[*ssa.BasicBlock]bool) bool {
	if region == nil {
		return Reaches(from, to)
	}
	return reach(from.Succs, to, func(b *ssa.BasicBlock) bool { return region[b] })
}

// ReachesAvoiding reports whether to is one of starts or is reachable
// from one of them without passing through avoid (nil: no block avoided).
func ReachesAvoiding(starts []*ssa.BasicBlock, to, avoid *ssa.BasicBlock) bool {
	return reach(starts, to, func(b *ssa.BasicBlock) bool { return b != avoid })
}

// reach reports whether to is one of starts or is reachable from them
// through the blocks that cross allows (nil: every block).
func reach(starts []*ssa.BasicBlock, to *ssa.BasicBlock, cross func(*ssa.BasicBlock) bool) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), starts...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] || cross != nil && !cross(b) {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// NaturalLoop returns the blocks of the loops headed by h (h and the
// blocks that reach a back edge into h without passing h), or nil.
func NaturalLoop(h *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	var body map[*ssa.BasicBlock]bool
	var work []*ssa.BasicBlock
	for _, p := range h.Preds {
		if h.Dominates(p) {
			if body == nil {
				body = map[*ssa.BasicBlock]bool{h: true}
			}
			work = append(work, p)
		}
	}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if body[x] {
			continue
		}
		body[x] = true
		work = append(work, x.Preds...)
	}
	return body
}

// EveryPathAfter reports whether every path from ins to a return of its
// function passes, after ins, an instruction that satisfies pass. Paths
// that end in a panic are not counted: nothing after them returns.
func EveryPathAfter(ins ssa.Instruction, pass func(ssa.Instruction) bool) bool {
	after := false
	for _, x := range ins.Block().Instrs {
		if after && pass(x) {
			return true
		}
		after = after || x == ins
	}
	return exitsPass(ins.Block(), pass, map[*ssa.BasicBlock]bool{})
}

// exitsPass reports whether every path out of the end of b passes pass.
func exitsPass(b *ssa.BasicBlock, pass func(ssa.Instruction) bool, seen map[*ssa.BasicBlock]bool) bool {
	switch b.Instrs[len(b.Instrs)-1].(type) {
	case *ssa.Return:
		return false
	case *ssa.Panic:
		return true
	}
	for _, s := range b.Succs {
		if !blockPasses(s, pass, seen) {
			return false
		}
	}
	return true
}

// blockPasses reports whether every path through b to a return passes pass.
func blockPasses(b *ssa.BasicBlock, pass func(ssa.Instruction) bool, seen map[*ssa.BasicBlock]bool) bool {
	if seen[b] {
		return true // a cycle: its exits are checked where they leave it
	}
	seen[b] = true
	for _, x := range b.Instrs {
		if pass(x) {
			return true
		}
	}
	return exitsPass(b, pass, seen)
}

// Stored returns what v stands for one step back: the value a closure's
// maker bound to the free variable v, or the one value ever stored in the
// local variable v loads (a variable a closure captures lives in a cell
// the closure reaches through a free variable); false when v is neither.
func Stored(v ssa.Value) (ssa.Value, bool) {
	switch x := v.(type) {
	case *ssa.FreeVar:
		b := BindingOf(x)
		return b, b != nil
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil, false
		}
		addr := x.X
		for {
			fv, ok := addr.(*ssa.FreeVar)
			if !ok {
				break
			}
			b := BindingOf(fv)
			if b == nil {
				return nil, false
			}
			addr = b
		}
		st := SingleStore(addr)
		return st, st != nil
	}
	return nil, false
}

// SingleStore returns the one value stored in addr when addr is a local
// variable (an Alloc) assigned exactly once; nil otherwise.
func SingleStore(addr ssa.Value) ssa.Value {
	a, ok := addr.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var val ssa.Value
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if val != nil {
				return nil
			}
			val = st.Val
		}
	}
	return val
}

// ReachingStores returns the stores into the local variable a that reach
// instruction at on the paths from instruction from (nil: from the
// function's entry): the last store on each such path. undefined reports
// a path on which none does (from the variable's allocation, from the
// function's entry, or from from itself), where at sees its zero value or
// what the variable held before. Only stores are seen: a variable whose
// address goes elsewhere may change behind them.
func ReachingStores(a *ssa.Alloc, from, at ssa.Instruction) (stores []*ssa.Store, undefined bool) {
	var onPath map[*ssa.BasicBlock]bool // the blocks a path from from can pass
	if from != nil {
		onPath = map[*ssa.BasicBlock]bool{from.Block(): true}
		work := []*ssa.BasicBlock{from.Block()}
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			for _, s := range b.Succs {
				if !onPath[s] {
					onPath[s] = true
					work = append(work, s)
				}
			}
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	found := map[*ssa.Store]bool{}
	var visit func(b *ssa.BasicBlock, end int)
	visit = func(b *ssa.BasicBlock, end int) {
		for i := end - 1; i >= 0; i-- {
			switch ins := b.Instrs[i].(type) {
			case *ssa.Store:
				if ins.Addr == a {
					if !found[ins] {
						found[ins] = true
						stores = append(stores, ins)
					}
					return
				}
			case *ssa.Alloc:
				if ins == a {
					undefined = true
					return
				}
			}
			if from != nil && b.Instrs[i] == from {
				undefined = true
				return
			}
		}
		if len(b.Preds) == 0 {
			undefined = true
			return
		}
		for _, p := range b.Preds {
			if !seen[p] && (onPath == nil || onPath[p]) {
				seen[p] = true
				visit(p, len(p.Instrs))
			}
		}
	}
	end := 0
	for i, ins := range at.Block().Instrs {
		if ins == at {
			end = i
		}
	}
	visit(at.Block(), end)
	return stores, undefined
}

// FieldVar returns the struct field fa addresses, as the field of the
// generic struct's origin so that every instantiation's FieldAddr of one
// declared field yields the same object; nil when fa.X is not a pointer
// to a struct.
func FieldVar(fa *ssa.FieldAddr) *types.Var {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return nil
	}
	return s.Field(fa.Field).Origin()
}

// MemoryRoot returns what an address points into through field and
// element addresses: the allocation, global or pointer value at its root.
func MemoryRoot(addr ssa.Value) ssa.Value {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		default:
			return addr
		}
	}
}

// Explore searches depth-first from init, visiting each state once: the
// path-sensitive walk of a function's blocks, where a state is a block and
// what the path has carried into it (a started goroutine, a count of
// sends). visit returns the states that follow, in order (none ends the
// path), and stop to end the whole search once it found what it wanted.
func Explore[S comparable](init S, visit func(S) (next []S, stop bool)) {
	ExploreFrom([]S{init}, visit)
}

// ExploreFrom is Explore from several states, the last searched first
// (a value and its aliases, every channel of a group).
func ExploreFrom[S comparable](inits []S, visit func(S) (next []S, stop bool)) {
	seen := map[S]bool{}
	work := append([]S(nil), inits...)
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[st] {
			continue
		}
		seen[st] = true
		next, stop := visit(st)
		if stop {
			return
		}
		work = append(work, next...)
	}
}

// At is a point of a function to walk on from: instruction I of block B
// onwards (Explore's state for a walk that starts after an instruction).
type At struct {
	B *ssa.BasicBlock
	I int
}

// AtSuccs returns the starts of b's successors, in order.
func AtSuccs(b *ssa.BasicBlock) []At {
	out := make([]At, len(b.Succs))
	for k, s := range b.Succs {
		out[k] = At{s, 0}
	}
	return out
}

// IsZeroConst reports whether v is a constant of its type's zero value:
// nil, 0, "", false, or the zero value of a struct or array.
func IsZeroConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if k.Value == nil {
		return true
	}
	switch k.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(k.Value)
	case constant.String:
		return constant.StringVal(k.Value) == ""
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(k.Value) == 0
	}
	return false
}
