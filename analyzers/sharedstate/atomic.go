package sharedstate

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/typematch"
)

// atomicUse is where a field or global is accessed with sync/atomic.
type atomicUse struct {
	call *ssa.Call
	fn   string // the sync/atomic function, e.g. AddInt64
	// written reports that some atomic access writes (Add, Store, Swap,
	// CompareAndSwap): without one, plain reads race with nothing.
	written bool
	// writers are the functions that write it atomically.
	writers map[*ssa.Function]bool
}

// mixedAtomics reports a plain load or store of a field (or global) that
// other code accesses with sync/atomic functions: the plain access races
// with the atomic ones. Initialisation of a value the function just
// allocated (a constructor) is not an access anyone else can see yet, nor
// is an access after a WaitGroup.Wait, nor a plain read by a function
// that is itself an atomic writer (the single-writer pattern). The
// atomic.Int64-style types cannot be accessed plainly, so they are out of
// scope.
func (c *checker) mixedAtomics(atomics map[string]*atomicUse) {
	if len(atomics) == 0 {
		return
	}
	for _, f := range c.locks.Funcs {
		if f.Fn.Name() == "init" && f.Fn.Parent() == nil {
			continue
		}
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				c.checkPlainAccess(f.Fn, ins, atomics)
			}
		}
	}
}

// atomicUses indexes the fields and globals of shared objects accessed
// with sync/atomic functions.
func (c *checker) atomicUses() map[string]*atomicUse {
	atomics := map[string]*atomicUse{}
	for _, f := range c.locks.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				call, ok := ins.(*ssa.Call)
				if !ok {
					continue
				}
				name, ok := atomicFunc(call.Common())
				if !ok || len(call.Call.Args) == 0 || !sharedAddr(call.Call.Args[0]) {
					continue
				}
				key, ok := varKey(call.Call.Args[0])
				if !ok {
					continue
				}
				use := atomics[key]
				if use == nil {
					use = &atomicUse{call: call, fn: name, writers: map[*ssa.Function]bool{}}
					atomics[key] = use
				}
				if !strings.HasPrefix(name, "Load") {
					use.written = true
					use.writers[f.Fn] = true
				}
			}
		}
	}
	return atomics
}

// sharedAddr reports whether addr is a global or a field of an object
// the function received (a parameter, a captured variable, a global),
// rather than one it obtained some other way (a pointer loaded from an
// atomic.Pointer may well be a different object from the plain ones).
func sharedAddr(addr ssa.Value) bool {
	if _, ok := addr.(*ssa.Global); ok {
		return true
	}
	fa, ok := addr.(*ssa.FieldAddr)
	return ok && locks.RefOf(fa.X).Shared()
}

// checkPlainAccess reports ins if it loads or stores an atomically
// accessed variable plainly.
func (c *checker) checkPlainAccess(fn *ssa.Function, ins ssa.Instruction, atomics map[string]*atomicUse) {
	var addr ssa.Value
	verb := "read"
	switch ins := ins.(type) {
	case *ssa.UnOp:
		if ins.Op != token.MUL {
			return
		}
		addr = ins.X
	case *ssa.Store:
		addr, verb = ins.Addr, "written"
	default:
		return
	}
	key, ok := varKey(addr)
	if !ok {
		return
	}
	use, ok := atomics[key]
	if !ok || freshlyAllocated(addr) || afterWait(ins) || unshared(fn) || c.notes.reasonedAt(fn, ins.Pos()) {
		return
	}
	if verb == "read" && (!use.written || use.writers[fn]) {
		return
	}
	pos := ins.Pos()
	if _, ok := addr.(*ssa.FieldAddr); ok && addr.Pos().IsValid() {
		pos = addr.Pos()
	}
	if !pos.IsValid() {
		return
	}
	name := displayVar(addr)
	msg := fmt.Sprintf("%s is %s plainly here but accessed with atomic.%s at line %d, so this access races with the atomic ones; use the sync/atomic functions everywhere (or an atomic type such as atomic.Int64)",
		name, verb, use.fn, c.line(use.call.Pos()))
	c.pass.Report(c.pos.diagnostic(RuleMixedAtomic, pos, msg, c.related(use.call.Pos(), "atomic access here")))
}

// atomicFunc returns the name of the sync/atomic function c calls.
func atomicFunc(c *ssa.CallCommon) (string, bool) {
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync/atomic" || fn.Signature.Recv() != nil {
		return "", false
	}
	return fn.Name(), true
}

// varKey names a field (by its struct type and name) or a global.
func varKey(addr ssa.Value) (string, bool) {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		owner := ownerName(a.X.Type())
		if owner == "" {
			return "", false
		}
		return owner + "." + fieldNameOf(a), true
	case *ssa.Global:
		return a.Pkg.Pkg.Path() + "." + a.Name(), true
	}
	return "", false
}

// ownerName names the named struct type ptr points to ("" if none).
func ownerName(ptr types.Type) string {
	p, ok := ptr.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// fieldNameOf returns the name of the field fa selects ("?" if unknown).
func fieldNameOf(fa *ssa.FieldAddr) string {
	return cmp.Or(typematch.FieldName(fa.X.Type(), fa.Field), "?")
}

// freshlyAllocated reports whether addr is a field of a value allocated
// in this function (new, &T{}, a local): nobody else sees it yet.
func freshlyAllocated(addr ssa.Value) bool {
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			break
		}
		addr = fa.X
	}
	_, ok := addr.(*ssa.Alloc)
	return ok
}

// displayVar renders addr for a message: s.n, counter.
func displayVar(addr ssa.Value) string {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		base := displayVar(a.X)
		return strings.TrimPrefix(base+"."+fieldNameOf(a), ".")
	case *ssa.Global, *ssa.Parameter, *ssa.FreeVar:
		return a.Name()
	case *ssa.UnOp:
		return displayVar(a.X)
	case *ssa.Alloc:
		return a.Comment
	}
	return ""
}

// afterWait reports whether a sync.WaitGroup.Wait call dominates ins: the
// goroutines that accessed the variable have finished.
func afterWait(ins ssa.Instruction) bool {
	b := ins.Block()
	for _, other := range b.Parent().Blocks {
		if !other.Dominates(b) {
			continue
		}
		for _, x := range other.Instrs {
			if other == b && x == ins {
				break
			}
			call, ok := x.(*ssa.Call)
			if !ok {
				continue
			}
			if fn := call.Call.StaticCallee(); fn != nil && fn.Name() == "Wait" && fn.Signature.Recv() != nil && typematch.PointerTo(fn.Signature.Recv().Type(), "sync", "WaitGroup") {
				return true
			}
		}
	}
	return false
}
