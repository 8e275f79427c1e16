package sharedstate

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// unpublished reports whether v is an object no other goroutine can
// reach yet at ins: the function allocated it (or got it fresh from a
// constructor of the package) and no go statement, send or store into
// shared memory handed it out on a path to ins. A write after `go c.Inc()`
// is not initialisation (issue #22).
func unpublished(v ssa.Value, ins ssa.Instruction) bool {
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X
	}
	var origin ssa.Value
	if a := allocOf(v, ins); a != nil {
		origin = a
	} else if call, ok := v.(*ssa.Call); ok && returnsFresh(call.Call.StaticCallee()) {
		origin = call // def := DefaultConfig()
	} else {
		return false
	}
	for _, p := range publications(origin) {
		if precedes(p, ins, origin.(ssa.Instruction).Block()) {
			return false
		}
	}
	return true
}

// returnsFresh reports whether fn, a function of the package, returns as
// each of its struct-pointer results a value it allocated and did not hand
// out: a constructor (DefaultConfig).
func returnsFresh(fn *ssa.Function) bool {
	if fn == nil || len(fn.Blocks) == 0 || fn.Signature.Recv() != nil {
		return false
	}
	found := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if !isStructPointer(r.Type()) {
				continue
			}
			if _, isNil := r.(*ssa.Const); isNil {
				continue
			}
			a := allocOf(r, ret)
			if a == nil {
				return false
			}
			for _, p := range publications(a) {
				if precedes(p, ret, a.Block()) {
					return false
				}
			}
			found = true
		}
	}
	return found
}

// allocOf returns the allocation v is, directly or loaded from a local
// variable that holds only it at ins (fs = &T{} into a named result; nil
// ins: anywhere).
func allocOf(v ssa.Value, ins ssa.Instruction) *ssa.Alloc {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if slot, ok := u.X.(*ssa.Alloc); ok {
			return onlyStored(slot, ins)
		}
	}
	a, _ := v.(*ssa.Alloc)
	return a
}

// onlyStored returns the allocation that every store into slot that may
// run before ins stores (w := &WAL{} ... w, err = w.rename() later).
func onlyStored(slot *ssa.Alloc, ins ssa.Instruction) *ssa.Alloc {
	var out *ssa.Alloc
	for _, r := range *slot.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != slot || ins != nil && !precedes(st, ins, nil) {
			continue
		}
		if _, isNil := st.Val.(*ssa.Const); isNil {
			continue // return nil, err
		}
		if u, ok := st.Val.(*ssa.UnOp); ok && u.X == slot {
			continue // return w, nil into the named result w
		}
		a, ok := st.Val.(*ssa.Alloc)
		if !ok || out != nil && out != a {
			return nil
		}
		out = a
	}
	return out
}

// publications returns the instructions that hand a to code that may run
// concurrently: a go statement taking it (as an argument or captured), a
// send, a store of it into memory others can reach. It follows a through
// local variables it is stored in.
func publications(a ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	vals := []ssa.Value{a}
	seen := map[ssa.Value]bool{a: true}
	follow := func(v ssa.Value) {
		if !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	for len(vals) > 0 {
		v := vals[0]
		vals = vals[1:]
		_, isSlot := v.(*ssa.Alloc)
		isSlot = isSlot && v != a
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Go:
				out = append(out, r)
			case *ssa.Send:
				out = append(out, r)
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				if slot, ok := r.Addr.(*ssa.Alloc); ok && slot != a {
					follow(slot) // a local variable holding it
				} else if locks.RefOf(r.Addr).Shared() {
					out = append(out, r) // into an object others can reach
				}
			case *ssa.MakeClosure:
				for _, cr := range *r.Referrers() {
					if g, ok := cr.(*ssa.Go); ok {
						out = append(out, g)
					}
				}
			case *ssa.UnOp:
				if isSlot && r.Op == token.MUL {
					follow(r)
				}
			case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Phi:
				follow(r.(ssa.Value))
			}
		}
	}
	return out
}

// precedes reports whether p runs before ins on some path that does not
// run the allocation in block alloc again (nil: any path) (a loop allocating a new value
// on each round publishes each one after filling it in).
func precedes(p, ins ssa.Instruction, alloc *ssa.BasicBlock) bool {
	pb, b := p.Block(), ins.Block()
	if pb == b {
		for _, x := range b.Instrs {
			if x == p {
				return true
			}
			if x == ins {
				break
			}
		}
	}
	if alloc == nil {
		return flow.Reaches(pb, b)
	}
	if b == alloc {
		return false // every path into b allocates a new value first
	}
	region := map[*ssa.BasicBlock]bool{}
	for _, x := range pb.Parent().Blocks {
		region[x] = x != alloc
	}
	return flow.ReachesWithin(pb, b, region)
}

// freshAt reports whether addr is a field of a value the function
// allocated and has not published by ins.
func freshAt(addr ssa.Value, ins ssa.Instruction) bool {
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			break
		}
		addr = fa.X
	}
	return unpublished(addr, ins)
}

// returnedObjects returns the values a function (not a method) returns as
// pointers to structs, with the parameters and call results they merge
// (its own allocations are fresh until published, see freshAt): a constructor's result, filled in before the caller gets it
// (NewClient(cfg) defaulting what cfg left empty). A method returning its
// receiver or a field is not one.
func returnedObjects(fn *ssa.Function) map[ssa.Value]bool {
	if fn.Signature.Recv() != nil {
		return nil
	}
	out := map[ssa.Value]bool{}
	var add func(v ssa.Value) bool
	add = func(v ssa.Value) bool {
		if out[v] {
			return true
		}
		switch v := v.(type) {
		case *ssa.Parameter, *ssa.Call:
			out[v] = true
			return true
		case *ssa.Alloc:
			return true // fresh until published: see freshAt
		case *ssa.UnOp:
			return allocOf(v, nil) != nil // a variable holding a new value, likewise
		case *ssa.Phi:
			out[v] = true
			for _, e := range v.Edges {
				if _, isConst := e.(*ssa.Const); !isConst && !add(e) {
					delete(out, v)
					return false
				}
			}
			return true
		}
		return false
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if isStructPointer(r.Type()) {
				add(r)
			}
		}
	}
	return out
}

// isStructPointer reports whether t is a pointer to a struct.
func isStructPointer(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Struct)
	return ok
}

// mutexesCreated returns the objects fn stores a mutex field of (o.mu =
// new(sync.Mutex), o.mu = sync.Mutex{}): a setup method creating the lock
// that guards the object's fields; until it returns nobody can hold it.
func mutexesCreated(fn *ssa.Function) map[locks.Ref]bool {
	var out map[locks.Ref]bool
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			st, ok := ins.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok || !locks.IsMutexType(st.Val.Type()) {
				continue
			}
			if out == nil {
				out = map[locks.Ref]bool{}
			}
			out[locks.RefOf(fa.X)] = true
		}
	}
	return out
}
