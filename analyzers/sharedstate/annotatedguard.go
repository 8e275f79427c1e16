package sharedstate

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// annotatedGuards reports what breaks a checklocks annotation (gVisor's
// contract comments, read by the locks engine): an access of a field or
// variable annotated +checklocks:mu without mu held (for writing, to
// write), a plain access of one annotated +checkatomic (with both, a read
// may be atomic instead of locked, a write must be both), a call of a
// function annotated +checklocks:x.mu without x.mu held or, annotated
// +checklocksexclude, with it held, and a return of a function annotated
// +checklocksacquire (+checklocksrelease) without (with) the lock held.
// The lock state is the engine's, on every path: the annotations of the
// function itself and of its callees included; a closure called or
// deferred where it is made sees its maker's locks there, one handed to
// another function none. A function annotated +checklocksignore, and the
// closures in it, are not checked.
func (c *checker) annotatedGuards() {
	ag := &annotatedChecker{c: c, guards: map[*types.Var]*locks.VarGuard{}, contracts: map[*ssa.Function]*locks.Contract{}, inherit: map[*ssa.Function][]locks.Held{}}
	for _, f := range c.locks.Funcs {
		if ag.ignored(f.Fn) || !ag.candidate(f.Fn) {
			continue
		}
		ag.check(f)
	}
}

type annotatedChecker struct {
	c         *checker
	guards    map[*types.Var]*locks.VarGuard
	contracts map[*ssa.Function]*locks.Contract
	inherit   map[*ssa.Function][]locks.Held
}

// contractOf returns fn's annotated contract, cached (callees of other
// packages are looked up in their facts).
func (ag *annotatedChecker) contractOf(fn *ssa.Function) *locks.Contract {
	ct, ok := ag.contracts[fn]
	if !ok {
		ct = ag.c.locks.ContractOf(fn)
		ag.contracts[fn] = ct
	}
	return ct
}

// guardOf returns v's annotations, cached (other packages' are decoded).
func (ag *annotatedChecker) guardOf(v *types.Var) *locks.VarGuard {
	if v == nil {
		return nil
	}
	g, ok := ag.guards[v]
	if !ok {
		g = ag.c.locks.GuardOf(v)
		ag.guards[v] = g
	}
	return g
}

// ignored reports whether fn, or a function it is a closure of, is
// annotated +checklocksignore.
func (ag *annotatedChecker) ignored(fn *ssa.Function) bool { return checklocksIgnored(ag.c.locks, fn) }

// checklocksIgnored reports whether fn, or a function it is a closure
// of, is annotated +checklocksignore.
func checklocksIgnored(r *locks.Result, fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if ct := r.ContractOf(fn); ct != nil && ct.Ignore {
			return true
		}
	}
	return false
}

// candidate reports whether fn has anything to check, before the walk.
func (ag *annotatedChecker) candidate(fn *ssa.Function) bool {
	if ct := ag.contractOf(fn); ct != nil && len(ct.Acquires)+len(ct.Releases) > 0 {
		return true
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.FieldAddr:
				if ag.guardOf(flow.FieldVar(ins)) != nil {
					return true
				}
			case ssa.CallInstruction:
				if callee := ins.Common().StaticCallee(); callee != nil {
					if ct := ag.contractOf(callee); ct != nil && len(ct.Requires)+len(ct.Excludes) > 0 {
						return true
					}
				}
			}
			for _, op := range ins.Operands(nil) {
				if g, ok := (*op).(*ssa.Global); ok && ag.guardOf(globalVar(g)) != nil {
					return true
				}
			}
		}
	}
	return false
}

// globalVar returns the variable of a package-level global.
func globalVar(g *ssa.Global) *types.Var {
	v, _ := g.Object().(*types.Var)
	return v
}

// check walks f and reports what breaks an annotation.
func (ag *annotatedChecker) check(f *locks.Func) {
	inherited := ag.inherited(f.Fn, 0)
	// One finding per variable and line: a write (x++ loads, then
	// stores) replaces the read found first.
	type pending struct {
		pos   token.Pos
		msg   string
		write bool
	}
	found := map[string]*pending{}
	var order []string
	report := func(pos token.Pos, key, msg string) {
		if !pos.IsValid() {
			return
		}
		k := fmt.Sprintf("%d:%s", ag.c.line(pos), key)
		write := strings.Contains(msg, " is written ")
		if p := found[k]; p != nil {
			if write && !p.write {
				*p = pending{pos, msg, write}
			}
			return
		}
		found[k] = &pending{pos, msg, write}
		order = append(order, k)
	}
	defer func() {
		for _, k := range order {
			p := found[k]
			ag.c.pass.Report(ag.c.pos.diagnostic(RuleAnnotatedGuard, p.pos, p.msg))
		}
	}()
	f.Walk(func(ins ssa.Instruction, s *locks.State) {
		held := append(append([]locks.Held(nil), s.Held()...), inherited...)
		for _, a := range ag.accesses(ins) {
			if !freshAt(a.addr, ins) { // a value made here and not yet shared needs no lock
				ag.checkAccess(a, held, report)
			}
		}
		switch ins := ins.(type) {
		case ssa.CallInstruction:
			ag.checkCall(ins, held, report)
		case *ssa.Return:
			ag.checkReturn(f.Fn, ins, s, report)
		}
	})
}

// annotatedAccess is one access of an annotated variable.
type annotatedAccess struct {
	addr   ssa.Value // the FieldAddr or Global
	pos    token.Pos
	write  bool
	atomic bool
}

// accesses returns the accesses of annotated variables ins makes: loads,
// stores (map and element updates of a field included), sync/atomic calls
// on its address, method calls of an atomic type's value, and its address
// handed on (to a function, a channel, a variable), which counts as a
// plain read.
func (ag *annotatedChecker) accesses(ins ssa.Instruction) []annotatedAccess {
	var out []annotatedAccess
	add := func(addr ssa.Value, pos token.Pos, write, atomic bool) {
		out = append(out, annotatedAccess{addr: addr, pos: pos, write: write, atomic: atomic})
	}
	if fa, write, ok := fieldAccess(ins); ok {
		add(fa, accessPos(fa, ins), write, false)
	}
	switch ins := ins.(type) {
	case *ssa.UnOp:
		if ins.Op != token.MUL {
			break
		}
		if g, ok := ins.X.(*ssa.Global); ok {
			add(g, ins.Pos(), false, false)
		} else if fa := arrayElemOf(ins.X); fa != nil {
			add(fa, ins.Pos(), false, false)
		}
	case *ssa.Store:
		if g, ok := ins.Addr.(*ssa.Global); ok {
			add(g, ins.Pos(), true, false)
		} else if fa := arrayElemOf(ins.Addr); fa != nil {
			add(fa, ins.Pos(), true, false)
		}
	case *ssa.Call:
		if name, ok := atomicFunc(ins.Common()); ok && len(ins.Call.Args) > 0 {
			add(ins.Call.Args[0], ins.Pos(), !strings.HasPrefix(name, "Load"), true)
		} else if name, ok := atomicMethod(ins.Common()); ok {
			add(ins.Call.Args[0], ins.Pos(), !strings.HasPrefix(name, "Load"), true)
		}
	case *ssa.FieldAddr:
		if escapes(ins) {
			add(ins, accessPos(ins, ins), false, false)
		}
	}
	return out
}

// arrayElemOf returns the field whose array element addr is (s.a[i]).
func arrayElemOf(addr ssa.Value) *ssa.FieldAddr {
	if ia, ok := addr.(*ssa.IndexAddr); ok {
		fa, _ := ia.X.(*ssa.FieldAddr)
		return fa
	}
	return nil
}

// atomicMethod returns the name of the method of a sync/atomic type c
// calls on a field's address.
func atomicMethod(c *ssa.CallCommon) (string, bool) {
	fn := c.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || len(c.Args) == 0 {
		return "", false
	}
	if obj := fn.Object(); obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "sync/atomic" {
		return "", false
	}
	return fn.Name(), true
}

// escapes reports whether the field address fa is handed on rather than
// loaded, stored to, selected from or given to a sync/atomic operation.
func escapes(fa *ssa.FieldAddr) bool {
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				continue
			}
		case *ssa.Store:
			if r.Addr == fa && r.Val != fa {
				continue
			}
		case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.DebugRef:
			continue
		case *ssa.Call:
			if _, ok := atomicFunc(r.Common()); ok && r.Call.Args[0] == fa {
				continue
			}
			if _, ok := atomicMethod(r.Common()); ok && r.Call.Args[0] == fa {
				continue
			}
			if locks.IsMutexType(fa.Type()) {
				continue // a mutex's own methods
			}
		}
		return true
	}
	return false
}

// checkAccess reports an access that breaks the annotations of the
// variable or of an inline struct field it is part of.
func (ag *annotatedChecker) checkAccess(a annotatedAccess, held []locks.Held, report func(token.Pos, string, string)) {
	for _, t := range ag.targets(a.addr) {
		name := displayVar(t.addr)
		if t.g.Atomic && !a.atomic && (a.write || len(t.g.Guards) == 0) {
			report(a.pos, name, fmt.Sprintf("%s is %s without sync/atomic, but its +checkatomic annotation says it is accessed atomically, so this access races with the atomic ones; use the sync/atomic functions (or an atomic type)", name, verb(a)))
			continue
		}
		if len(t.g.Guards) == 0 || t.g.Atomic && a.atomic && !a.write {
			continue // atomic only, or a lock-free atomic read of a mixed variable
		}
		for i, refs := range ag.c.locks.GuardRefs(t.g, t.obj) {
			if len(refs) == 0 || holdsAny(held, refs, a.write) {
				continue
			}
			mode := ""
			if a.write && holdsAny(held, refs, false) {
				mode = " for writing" // only read-locked
			}
			lock := refs[0].Name()
			report(a.pos, name+"#"+fmt.Sprint(i), fmt.Sprintf("%s is %s without holding %s%s, which its +checklocks annotation says guards it: this races with the accesses that hold it; take %s around the access (or annotate the function +checklocks if its callers hold it)", name, verb(a), lock, mode, lock))
		}
	}
}

func verb(a annotatedAccess) string {
	switch {
	case a.write:
		return "written"
	case a.atomic:
		return "read (atomically)"
	}
	return "read"
}

// annotatedTarget is an annotated variable an access reaches: the field
// itself, or an inline struct field that contains it, with its object.
type annotatedTarget struct {
	addr ssa.Value
	g    *locks.VarGuard
	obj  locks.Ref
}

// targets returns the annotated variables addr's access touches.
func (ag *annotatedChecker) targets(addr ssa.Value) []annotatedTarget {
	var out []annotatedTarget
	for {
		switch a := addr.(type) {
		case *ssa.Global:
			if g := ag.guardOf(globalVar(a)); g != nil {
				out = append(out, annotatedTarget{addr: a, g: g})
			}
			return out
		case *ssa.FieldAddr:
			if g := ag.guardOf(flow.FieldVar(a)); g != nil {
				out = append(out, annotatedTarget{addr: a, g: g, obj: locks.RefOf(a.X)})
			}
			addr = a.X // an inline struct's field is part of it
			continue
		}
		return out
	}
}

// holdsAny reports whether one of refs is held (for writing, if write).
func holdsAny(held []locks.Held, refs []locks.Ref, write bool) bool {
	for _, h := range held {
		if write && h.Mode != locks.Write {
			continue
		}
		for _, r := range refs {
			if h.Lock == r {
				return true
			}
		}
	}
	return false
}

// checkCall reports a call that breaks its callee's annotation.
func (ag *annotatedChecker) checkCall(call ssa.CallInstruction, held []locks.Held, report func(token.Pos, string, string)) {
	callee := call.Common().StaticCallee()
	if callee == nil {
		return
	}
	ct := ag.contractOf(callee)
	if ct == nil {
		return
	}
	name := callee.Name()
	if callee.Origin() != nil {
		name = callee.Origin().Name()
	}
	for _, a := range ct.Requires {
		l, ok := ag.c.locks.ConcreteAt(a, call)
		if !ok || holdsAny(held, []locks.Ref{l}, a.Mode == locks.Write) {
			continue
		}
		report(call.Pos(), "call:"+l.Name(), fmt.Sprintf("this calls %s without holding %s, which its +checklocks annotation requires held; take %s around the call", name, l.Name(), l.Name()))
	}
	for _, a := range ct.Excludes {
		l, ok := ag.c.locks.ConcreteAt(a, call)
		if !ok || !holdsAny(held, []locks.Ref{l}, a.Mode == locks.Read) {
			continue
		}
		how := ""
		if a.Mode == locks.Read {
			how = " for writing"
		}
		report(call.Pos(), "excl:"+l.Name(), fmt.Sprintf("this calls %s while holding %s%s, which its +checklocksexclude annotation forbids (it takes the lock itself, or must not run under it); release %s first", name, l.Name(), how, l.Name()))
	}
}

// checkReturn reports a return of fn that leaves a lock in another state
// than its acquire or release annotation says.
func (ag *annotatedChecker) checkReturn(fn *ssa.Function, ret *ssa.Return, s *locks.State, report func(token.Pos, string, string)) {
	ct := ag.contractOf(fn)
	if ct == nil || fn.Origin() != nil {
		return
	}
	var eff []locks.Held
	for _, h := range s.Held() {
		if !s.Deferred(h.Lock) {
			eff = append(eff, h)
		}
	}
	pos := ret.Pos()
	if !pos.IsValid() {
		pos = fn.Pos()
		if d, ok := fn.Syntax().(*ast.FuncDecl); ok && d.Body != nil {
			pos = d.Body.Rbrace // the implicit return at the closing brace
		}
	}
	for _, a := range ct.Acquires {
		if l, ok := ag.c.locks.InFunc(fn, a, ret); ok && !holdsAny(eff, []locks.Ref{l}, a.Mode == locks.Write) {
			report(pos, "acq:"+l.Name(), fmt.Sprintf("%s returns here without holding %s, which its +checklocksacquire annotation says it returns holding: its callers will access what %s guards unlocked, and unlock a mutex that is not locked", fn.Name(), l.Name(), l.Name()))
		}
	}
	for _, a := range ct.Releases {
		if l, ok := ag.c.locks.InFunc(fn, a, ret); ok && holdsAny(eff, []locks.Ref{l}, false) {
			report(pos, "rel:"+l.Name(), fmt.Sprintf("%s returns here still holding %s, which its +checklocksrelease annotation says it releases: its callers will lock it again and deadlock", fn.Name(), l.Name()))
		}
	}
}

// inherited returns the locks held, in fn's terms, wherever fn's maker
// runs it: fn is a closure (or function literal) only ever called or
// deferred where it is made. Nil for anything else: a function value
// handed elsewhere may run anywhere.
func (ag *annotatedChecker) inherited(fn *ssa.Function, depth int) []locks.Held {
	if h, ok := ag.inherit[fn]; ok {
		return h
	}
	ag.inherit[fn] = nil
	parent := fn.Parent()
	pf := ag.c.locks.Of(parent)
	if parent == nil || pf == nil || depth > 4 || !onlyRunHere(fn) {
		return nil
	}
	outer := ag.inherited(parent, depth+1)
	var out []locks.Held
	first := true
	meetWith := func(hs []locks.Held, site ssa.CallInstruction) {
		var mine []locks.Held
		for _, h := range append(append([]locks.Held(nil), hs...), outer...) {
			if l, ok := intoCallee(fn, site, h.Lock); ok {
				mine = append(mine, locks.Held{Lock: l, Mode: h.Mode})
			}
		}
		if first {
			out, first = mine, false
			return
		}
		var kept []locks.Held
		for _, h := range out {
			for _, g := range mine {
				if h.Lock == g.Lock && h.Mode == g.Mode {
					kept = append(kept, h)
					break
				}
			}
		}
		out = kept
	}
	var defers []ssa.CallInstruction
	var exits [][]locks.Held
	pf.Walk(func(ins ssa.Instruction, s *locks.State) {
		switch ins := ins.(type) {
		case *ssa.Call:
			if calls(ins.Common(), fn) {
				meetWith(s.Held(), ins)
			}
		case *ssa.Defer:
			if calls(ins.Common(), fn) {
				defers = append(defers, ins)
			}
		case *ssa.Return:
			exits = append(exits, append([]locks.Held(nil), s.Held()...))
		}
	})
	// A deferred call runs at the returns, with what they hold.
	for _, d := range defers {
		for _, ex := range exits {
			meetWith(ex, d)
		}
	}
	ag.inherit[fn] = out
	return out
}

// calls reports whether c runs fn (directly or as a closure made of it).
func calls(c *ssa.CallCommon, fn *ssa.Function) bool {
	switch v := c.Value.(type) {
	case *ssa.Function:
		return v == fn
	case *ssa.MakeClosure:
		return v.Fn == fn
	}
	return false
}

// onlyRunHere reports whether every use of fn in its maker is a call or a
// defer of it.
func onlyRunHere(fn *ssa.Function) bool {
	found := false
	for _, b := range fn.Parent().Blocks {
		for _, ins := range b.Instrs {
			for i, op := range ins.Operands(nil) {
				v := *op
				if mc, ok := v.(*ssa.MakeClosure); ok && mc.Fn == fn {
					for _, r := range *mc.Referrers() {
						ci, ok := r.(ssa.CallInstruction)
						if !ok || ci.Common().Value != mc || isGo(r) {
							return false
						}
					}
					found = true
					continue
				}
				if v != fn {
					continue
				}
				if _, ok := ins.(*ssa.MakeClosure); ok && i == 0 {
					continue
				}
				ci, ok := ins.(ssa.CallInstruction)
				if !ok || ci.Common().Value != fn || isGo(ins) {
					return false
				}
				found = true
			}
		}
	}
	return found
}

func isGo(ins ssa.Instruction) bool {
	_, ok := ins.(*ssa.Go)
	return ok
}

// intoCallee renames l, a lock of the maker at site, into fn's terms:
// through the closure's bindings or the call's arguments.
func intoCallee(fn *ssa.Function, site ssa.CallInstruction, l locks.Ref) (locks.Ref, bool) {
	if mc, ok := site.Common().Value.(*ssa.MakeClosure); ok {
		if r, ok := throughBinding(fn, mc, l); ok {
			return r, true
		}
	} else if _, ok := l.Root.(*ssa.Global); ok {
		return l, true
	}
	for i, arg := range site.Common().Args {
		// The argument names the root however it was loaded (a parameter
		// shared with a closure is read from its box).
		if r := locks.RefOf(arg); r.Root == l.Root && r.Index == nil && strings.HasPrefix(l.Path, r.Path) && i < len(fn.Params) {
			return locks.Ref{Root: fn.Params[i], Path: l.Path[len(r.Path):], Index: l.Index}, true
		}
	}
	return locks.Ref{}, false
}
