package locks

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// A dynamic call (an interface method, a function stored in a struct
// field, a function passed as a parameter) has no static callee, yet the
// package often says what it runs: the only type of the package that
// implements the interface, the functions the package stores into that
// field or passes for that parameter. The resolver finds them, so the
// locks such a callee takes count at the call (a callback that locks the
// mutex its caller holds, an interface method whose implementation takes
// a second lock). Only acquisitions are carried (summary Locks), never
// the helper contracts (Acquires, Releases): those change the caller's
// must state, and a guessed callee must not.

// target is a function a dynamic call may run.
type target struct {
	fn *ssa.Function
	// args are the caller's values for fn's parameters.
	args []ssa.Value
	// binds say how the caller names fn's free variables (see bind),
	// relative to self, the object the function was loaded from.
	binds []bind
	self  ssa.Value
	// through describes the call for messages: "le.cp", "r.store.Replace".
	through string
}

// bind names a closure's free variable in the caller of the closure: the
// free variable is the object the function was stored in (self), or the
// box of a variable holding that object (selfBox), or unknown.
type bind uint8

const (
	bindUnknown bind = iota
	bindSelf
	bindSelfBox
)

// candidate is a function value that may flow to a dynamic call, with its
// free variables related to the object it was stored in.
type candidate struct {
	fn    *ssa.Function
	binds []bind
}

// resolver resolves the dynamic calls of one package.
type resolver struct {
	pkg *types.Package
	// stores are the values stored into each func-typed field, with the
	// object stored into.
	stores map[*types.Var][]fieldStore
	// sites are the calls of each function (static, or an interface call
	// resolved to it), by their argument lists in the callee's terms.
	sites map[*ssa.Function][][]ssa.Value
	// impls memoizes interface resolution.
	impls map[implKey]*ssa.Function
	prog  *ssa.Program
	memo  map[*ssa.CallCommon][]target
}

// fieldStore is a store of val into base.f.
type fieldStore struct{ base, val ssa.Value }

type implKey struct {
	iface  types.Type
	method *types.Func
}

// maxCandidateDepth bounds how far a function value is followed back
// (through parameters and fields).
const maxCandidateDepth = 4

// newResolver indexes the field stores and call sites of fns.
func newResolver(prog *ssa.Program, pkg *types.Package, fns []*ssa.Function) *resolver {
	r := &resolver{pkg: pkg, prog: prog, stores: map[*types.Var][]fieldStore{}, sites: map[*ssa.Function][][]ssa.Value{}, impls: map[implKey]*ssa.Function{}, memo: map[*ssa.CallCommon][]target{}}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				switch ins := ins.(type) {
				case *ssa.Store:
					if fa, ok := ins.Addr.(*ssa.FieldAddr); ok {
						if v := funcField(fa); v != nil {
							r.stores[v] = append(r.stores[v], fieldStore{base: fa.X, val: ins.Val})
						}
					}
				case ssa.CallInstruction:
					c := ins.Common()
					if callee := c.StaticCallee(); callee != nil {
						r.sites[callee] = append(r.sites[callee], c.Args)
					} else if c.IsInvoke() {
						if impl := r.impl(c); impl != nil {
							r.sites[impl] = append(r.sites[impl], invokeArgs(c))
						}
					}
				}
			}
		}
	}
	return r
}

// funcField returns the field fa addresses when it holds a function, named
// as flow.FieldVar names fields (the generic struct's origin field).
func funcField(fa *ssa.FieldAddr) *types.Var {
	v := flow.FieldVar(fa)
	if v == nil {
		return nil
	}
	// the field's type as addressed: func() in Box[func()], F in its origin
	ft := fa.Type().Underlying().(*types.Pointer).Elem()
	if _, ok := ft.Underlying().(*types.Signature); !ok {
		return nil
	}
	return v
}

// invokeArgs are an interface call's arguments in the terms of the
// implementing method: the receiver first.
func invokeArgs(c *ssa.CallCommon) []ssa.Value {
	return append([]ssa.Value{c.Value}, c.Args...)
}

// targets returns the functions the dynamic call c may run.
func (r *resolver) targets(c *ssa.CallCommon) []target {
	if ts, ok := r.memo[c]; ok {
		return ts
	}
	var out []target
	if c.IsInvoke() {
		if impl := r.impl(c); impl != nil {
			out = append(out, target{fn: impl, args: invokeArgs(c), through: "the interface method " + c.Method.Name()})
		}
	} else if c.StaticCallee() == nil {
		v := unwrapFunc(c.Value)
		if fa := fieldLoad(v); fa != nil {
			for _, cand := range r.fieldCandidates(funcField(fa), maxCandidateDepth) {
				out = append(out, target{fn: cand.fn, args: c.Args, binds: cand.binds, self: fa.X, through: "the function in field " + funcField(fa).Name()})
			}
		} else {
			for _, cand := range r.candidates(v, nil, maxCandidateDepth) {
				out = append(out, target{fn: cand.fn, args: c.Args, binds: make([]bind, len(cand.binds)), through: "the function passed as " + valueName(v)})
			}
		}
	}
	r.memo[c] = out
	return out
}

// valueName names a function value for messages.
func valueName(v ssa.Value) string {
	if p, ok := v.(*ssa.Parameter); ok {
		return p.Name()
	}
	return v.Name()
}

// unwrapFunc looks through conversions between function types.
func unwrapFunc(v ssa.Value) ssa.Value {
	for {
		ct, ok := v.(*ssa.ChangeType)
		if !ok {
			return v
		}
		v = ct.X
	}
}

// fieldLoad returns the field address v is loaded from, if it is a load
// of a func-typed field.
func fieldLoad(v ssa.Value) *ssa.FieldAddr {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok || funcField(fa) == nil {
		return nil
	}
	return fa
}

// fieldCandidates returns the functions the package stores into field f,
// related to the object stored into.
func (r *resolver) fieldCandidates(f *types.Var, depth int) []candidate {
	var out []candidate
	for _, st := range r.stores[f] {
		out = append(out, r.candidates(st.val, st.base, depth)...)
	}
	return out
}

// candidates returns the functions value v may be, with their free
// variables related to base (the object v is stored into; nil if none).
func (r *resolver) candidates(v, base ssa.Value, depth int) []candidate {
	if depth == 0 {
		return nil
	}
	switch v := unwrapFunc(v).(type) {
	case *ssa.Function:
		return []candidate{{fn: v}}
	case *ssa.MakeClosure:
		fn, ok := v.Fn.(*ssa.Function)
		if !ok {
			return nil
		}
		binds := make([]bind, len(v.Bindings))
		for i, b := range v.Bindings {
			binds[i] = relate(b, base)
		}
		return []candidate{{fn: fn, binds: binds}}
	case *ssa.Parameter:
		// A function handed in: follow the callers' arguments, and the
		// object it is stored into when that is a parameter too.
		g := v.Parent()
		pi, bi := paramIndex(g, v), paramIndex(g, base)
		if pi < 0 {
			return nil
		}
		var out []candidate
		for _, args := range r.sites[g] {
			if pi >= len(args) {
				continue
			}
			var b ssa.Value
			if bi >= 0 && bi < len(args) {
				b = args[bi]
			}
			out = append(out, r.candidates(args[pi], b, depth-1)...)
		}
		return out
	case *ssa.UnOp:
		if fa := fieldLoad(v); fa != nil {
			// Copied from another field: the relation to base is lost.
			var out []candidate
			for _, c := range r.fieldCandidates(funcField(fa), depth-1) {
				out = append(out, candidate{fn: c.fn, binds: make([]bind, len(c.binds))})
			}
			return out
		}
	}
	return nil
}

// relate says how the closure binding b relates to base, the object the
// closure is stored into.
func relate(b, base ssa.Value) bind {
	if base == nil {
		return bindUnknown
	}
	if b == base {
		return bindSelf
	}
	u, ok := base.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return bindUnknown
	}
	if u.X == b {
		return bindSelfBox
	}
	if bu, ok := b.(*ssa.UnOp); ok && bu.Op == token.MUL && bu.X == u.X {
		if a, box := u.X.(*ssa.Alloc); box && flow.SingleStore(a) != nil {
			return bindSelf // two loads of one captured variable (c.m with c boxed)
		}
	}
	return bindUnknown
}

// paramIndex returns the index of v among g's parameters, -1 if it is not
// one.
func paramIndex(g *ssa.Function, v ssa.Value) int {
	if g == nil || v == nil {
		return -1
	}
	for i, p := range g.Params {
		if p == v {
			return i
		}
	}
	return -1
}

// impl returns the method an interface call runs when exactly one named
// type of the package implements the interface, and the interface is the
// package's own (an interface from elsewhere has implementations out of
// sight).
func (r *resolver) impl(c *ssa.CallCommon) *ssa.Function {
	k := implKey{c.Value.Type(), c.Method}
	if fn, ok := r.impls[k]; ok {
		return fn
	}
	var fn *ssa.Function
	if n, ok := types.Unalias(c.Value.Type()).(*types.Named); ok && n.Obj().Pkg() == r.pkg {
		if iface, ok := n.Underlying().(*types.Interface); ok {
			fn = r.soleImpl(iface, c.Method)
		}
	}
	r.impls[k] = fn
	return fn
}

// soleImpl returns m's implementation in the only named type of the
// package (or pointer to it) that implements iface.
func (r *resolver) soleImpl(iface *types.Interface, m *types.Func) *ssa.Function {
	var found types.Type
	scope := r.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) {
			continue
		}
		var t types.Type
		switch {
		case types.Implements(n, iface):
			t = n
		case types.Implements(types.NewPointer(n), iface):
			t = types.NewPointer(n)
		default:
			continue
		}
		if found != nil {
			return nil
		}
		found = t
	}
	if found == nil {
		return nil
	}
	sel := r.prog.MethodSets.MethodSet(found).Lookup(m.Pkg(), m.Name())
	if sel == nil {
		return nil
	}
	return r.prog.MethodValue(sel)
}

// concreteTarget names a, a lock in t.fn's contract, in the caller; a lock
// of a free variable the caller cannot relate is known by its class only.
func (e *engine) concreteTarget(a AbsLock, t target) (Ref, bool) {
	if a.AnyInstance || a.Param < 0 {
		return concrete(e.global, a, nil, nil)
	}
	if a.Param < len(t.fn.Params) {
		if a.Param < len(t.args) && t.args[a.Param] != nil {
			return concrete(e.global, a, t.args, nil)
		}
		return classOnly(a)
	}
	k := a.Param - len(t.fn.Params)
	if k >= len(t.binds) || t.self == nil {
		return classOnly(a)
	}
	switch t.binds[k] {
	case bindSelf:
		r := RefOf(t.self)
		return Ref{Root: r.Root, Path: r.Path + a.Path, Index: r.Index}, true
	case bindSelfBox:
		if len(a.Path) > 0 && a.Path[0] == '*' {
			r := RefOf(t.self)
			return Ref{Root: r.Root, Path: r.Path + a.Path[1:], Index: r.Index}, true
		}
	}
	return classOnly(a)
}

// classOnly names a by its class: equal to no lock the caller holds.
func classOnly(a AbsLock) (Ref, bool) {
	if a.Class == "" {
		return Ref{}, false
	}
	return Ref{Path: a.Class}, true
}
