package sharedstate

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// atomicUse is where a field or global is accessed with sync/atomic.
type atomicUse struct {
	call *ssa.Call
	fn   string // the sync/atomic function, e.g. AddInt64
}

// mixedAtomics reports a plain load or store of a field (or global) that
// other code accesses with sync/atomic functions: the plain access races
// with the atomic ones. Initialisation of a value the function just
// allocated (a constructor) is not an access anyone else can see yet.
// The atomic.Int64-style types cannot be accessed plainly, so they are out
// of scope.
func (c *checker) mixedAtomics() {
	atomics := map[string]atomicUse{}
	for _, f := range c.locks.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				call, ok := ins.(*ssa.Call)
				if !ok {
					continue
				}
				name, ok := atomicFunc(call.Common())
				if !ok || len(call.Call.Args) == 0 {
					continue
				}
				if key, ok := varKey(call.Call.Args[0]); ok {
					if _, seen := atomics[key]; !seen {
						atomics[key] = atomicUse{call: call, fn: name}
					}
				}
			}
		}
	}
	if len(atomics) == 0 {
		return
	}
	for _, f := range c.locks.Funcs {
		if f.Fn.Name() == "init" && f.Fn.Parent() == nil {
			continue
		}
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				c.checkPlainAccess(ins, atomics)
			}
		}
	}
}

// checkPlainAccess reports ins if it loads or stores an atomically
// accessed variable plainly.
func (c *checker) checkPlainAccess(ins ssa.Instruction, atomics map[string]atomicUse) {
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
	if !ok || freshlyAllocated(addr) {
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

// fieldNameOf returns the name of the field fa selects.
func fieldNameOf(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return "?"
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return "?"
	}
	return s.Field(fa.Field).Name()
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
