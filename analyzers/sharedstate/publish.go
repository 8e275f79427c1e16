package sharedstate

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/ssautil"
)

// unpublishedAlloc returns the allocation v's object is, when no other
// goroutine can reach it yet at ins: the function allocated it and no go
// statement, send or store into shared memory handed it out on a path to
// ins. A write after `go c.Inc()` is not initialisation (issue #22).
func unpublishedAlloc(v ssa.Value, ins ssa.Instruction) (*ssa.Alloc, bool) {
	a, ok := locks.RefOf(v).Root.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	for _, p := range publications(a) {
		if precedes(p, ins, a.Block()) {
			return a, false
		}
	}
	return a, true
}

// publications returns the instructions that hand a to code that may run
// concurrently: a go statement taking it (as an argument or captured), a
// send, a store of it into memory that is not a local.
func publications(a *ssa.Alloc) []ssa.Instruction {
	var out []ssa.Instruction
	vals := []ssa.Value{a}
	seen := map[ssa.Value]bool{a: true}
	for len(vals) > 0 {
		v := vals[0]
		vals = vals[1:]
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Go:
				out = append(out, r)
			case *ssa.Send:
				out = append(out, r)
			case *ssa.Store:
				if r.Val == v && locks.RefOf(r.Addr).Shared() {
					out = append(out, r) // into an object others can reach
				}
			case *ssa.MakeClosure:
				for _, cr := range *r.Referrers() {
					if g, ok := cr.(*ssa.Go); ok {
						out = append(out, g)
					}
				}
			case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Phi:
				if rv := r.(ssa.Value); !seen[rv] {
					seen[rv] = true
					vals = append(vals, rv)
				}
			}
		}
	}
	return out
}

// precedes reports whether p runs before ins on some path that does not
// run the allocation in block alloc again (a loop allocating a new value
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
	if b == alloc {
		return false // every path into b allocates a new value first
	}
	region := map[*ssa.BasicBlock]bool{}
	for _, x := range pb.Parent().Blocks {
		region[x] = x != alloc
	}
	return ssautil.ReachesWithin(pb, b, region)
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
	if _, ok := addr.(*ssa.Alloc); !ok {
		return false
	}
	_, fresh := unpublishedAlloc(addr, ins)
	return fresh
}

// returnedObjects returns the values a function (not a method) returns as
// pointers to structs, with the allocations, parameters and call results
// they merge: a constructor's result, filled in before the caller gets it
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
		case *ssa.Alloc, *ssa.Parameter, *ssa.Call:
			out[v] = true
			return true
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
