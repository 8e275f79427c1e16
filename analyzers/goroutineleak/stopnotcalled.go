package goroutineleak

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// stop-not-called: a method (or the function itself) starts a goroutine
// that returns only after receiving from a channel field of its receiver,
// another method closes or sends on that field, and a function that made
// the value, with a fresh channel in the field, returns on some path
// without calling the stopping method while the value never left it.

// objUses is what one function does with an object (the values pointing
// to it or copying it): the loads of its channel field, the calls it is
// handed to and the closures capturing it.
type objUses struct {
	field    int
	chans    []ssa.Value        // values of the channel field
	calls    []objCall          // calls, defers and go statements taking the object
	closures []*ssa.MakeClosure // closures capturing it
	stores   map[ssa.Value]bool // addresses of the field written
	// returnable: a return of the object is allowed (a constructor's),
	// recorded in returned; anywhere else a return is an escape.
	returnable, returned bool
	escaped              bool
	seen                 map[ssa.Value]bool
}

// objCall is a call taking the object as argument arg.
type objCall struct {
	ins ssa.CallInstruction
	arg int
}

// walkObject follows the object from seeds (a pointer to it, a copy of
// it, or a cell holding a pointer, told apart by type).
func walkObject(field int, seeds ...ssa.Value) *objUses {
	u := &objUses{field: field, stores: map[ssa.Value]bool{}, seen: map[ssa.Value]bool{}}
	for _, s := range seeds {
		u.visit(s)
	}
	return u
}

// visit records the uses of one value holding the object.
func (u *objUses) visit(v ssa.Value) {
	if u.seen[v] || u.escaped {
		return
	}
	u.seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		if !u.use(v, r) {
			u.escaped = true
			return
		}
	}
}

// use records one referrer of v; false when the object escapes through it.
func (u *objUses) use(v ssa.Value, r ssa.Instruction) bool {
	switch r := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.FieldAddr:
		return u.fieldAddr(r)
	case *ssa.Field:
		if r.Field == u.field {
			u.chanValue(r)
		}
		return true
	case *ssa.UnOp:
		if r.Op != token.MUL {
			return false
		}
		u.visit(r)
		return true
	case *ssa.Store:
		if r.Addr == v {
			return true // the whole value written: a spill or an initialisation
		}
		cell, ok := r.Addr.(*ssa.Alloc)
		if !ok || cell.Parent() != r.Parent() {
			return false
		}
		u.visit(cell) // a local variable (a cell when captured)
		return true
	case *ssa.MakeClosure:
		u.closures = append(u.closures, r)
		return true
	case *ssa.Return:
		u.returned = true
		return u.returnable && len(r.Results) == 1
	case ssa.CallInstruction:
		c := r.Common()
		if c.Value == v || c.StaticCallee() == nil {
			return false
		}
		for i, a := range c.Args {
			if a == v {
				u.calls = append(u.calls, objCall{r, i})
			}
		}
		return true
	}
	return false
}

// fieldAddr records the address of a field: the channel field's loads are
// its channel, other fields do not reach the object.
func (u *objUses) fieldAddr(fa *ssa.FieldAddr) bool {
	if fa.Field != u.field {
		return true
	}
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
			u.chanValue(r)
		case *ssa.Store:
			if r.Addr != fa {
				return false
			}
			u.stores[r.Val] = true
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// chanValue records a value of the channel field and its conversions.
func (u *objUses) chanValue(v ssa.Value) {
	u.chans = append(u.chans, v)
	for _, r := range *v.Referrers() {
		if ct, ok := r.(*ssa.ChangeType); ok {
			u.chanValue(ct)
		}
	}
}

// chanField returns the indices of t's channel fields (t a struct or a
// pointer to one).
func chanFields(t types.Type) []int {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []int
	for i := 0; i < st.NumFields(); i++ {
		if _, ok := st.Field(i).Type().Underlying().(*types.Chan); ok {
			out = append(out, i)
		}
	}
	return out
}

// stopCtx caches the per-pass summaries of stop-not-called.
type stopCtx struct {
	p       *passState
	stopper map[stopKey]bool
	busy    map[stopKey]bool
}

type stopKey struct {
	fn    *ssa.Function
	arg   int
	field int
}

// local reports whether fn is one of this package's functions with a body
// small enough to analyse.
func (s *stopCtx) local(fn *ssa.Function) bool {
	return fn != nil && fn.Blocks != nil && fn.Pkg != nil && fn.Pkg.Pkg == s.p.pass.Pkg && len(fn.Blocks) <= maxBlocks
}

// paramUses follows fn's parameter arg as the object.
func paramUses(fn *ssa.Function, arg, field int) *objUses {
	return walkObject(field, fn.Params[arg])
}

// freeVarUses follows a closure's free variable i as the object.
func freeVarUses(fn *ssa.Function, i, field int) *objUses {
	return walkObject(field, fn.FreeVars[i])
}

// stops reports whether a call of fn closes or sends on field of its
// parameter arg on some path (directly, in a closure it defers or
// through another function of the package).
func (s *stopCtx) stops(fn *ssa.Function, arg, field int) bool {
	k := stopKey{fn, arg, field}
	if v, ok := s.stopper[k]; ok {
		return v
	}
	if !s.local(fn) || s.busy[k] || arg >= len(fn.Params) {
		return false
	}
	s.busy[k] = true
	v := s.usesStop(paramUses(fn, arg, field))
	delete(s.busy, k)
	s.stopper[k] = v
	return v
}

// usesStop reports whether the uses close or send on the channel field.
func (s *stopCtx) usesStop(u *objUses) bool {
	if s.stopsChan(u) {
		return true
	}
	for _, c := range u.calls {
		if _, isGo := c.ins.(*ssa.Go); !isGo && s.stops(c.ins.Common().StaticCallee(), c.arg, u.field) {
			return true
		}
	}
	for _, mc := range u.closures {
		if s.closureStops(mc, u) {
			return true
		}
	}
	return false
}

// closureStops reports whether the closure mc, capturing the object, stops it.
func (s *stopCtx) closureStops(mc *ssa.MakeClosure, u *objUses) bool {
	fn := mc.Fn.(*ssa.Function)
	if !s.local(fn) {
		return false
	}
	for i, b := range mc.Bindings {
		if u.seen[b] && s.usesStop(freeVarUses(fn, i, u.field)) {
			return true
		}
	}
	return false
}

// stopsChan reports whether a value of the channel field is closed or sent on.
func (s *stopCtx) stopsChan(u *objUses) bool {
	for _, c := range u.chans {
		for _, r := range *c.Referrers() {
			switch r := r.(type) {
			case *ssa.Send:
				if r.Chan == c {
					return true
				}
			case ssa.CallInstruction:
				if cc := r.Common(); isBuiltinCall(cc, "close") && cc.Args[0] == c {
					return true
				}
			case *ssa.Select:
				for _, st := range r.States {
					if st.Chan == c && st.Dir == types.SendOnly {
						return true
					}
				}
			}
		}
	}
	return false
}

// isBuiltinCall reports whether c calls the builtin named name.
func isBuiltinCall(c *ssa.CallCommon, name string) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && b.Name() == name
}

// waiter returns the goroutine a call of fn starts that waits for field of
// its parameter arg (nil if none): the body returns only after receiving
// from the field, can return at all, and neither it nor fn closes it or
// lets the object go anywhere else.
func (s *stopCtx) waiter(fn *ssa.Function, arg, field int) *ssa.Go {
	if !s.local(fn) || arg >= len(fn.Params) {
		return nil
	}
	u := paramUses(fn, arg, field)
	if u.escaped || s.stopsChan(u) {
		return nil
	}
	return s.startsWaiter(u)
}

// startsWaiter returns the go statement among u's uses whose goroutine
// waits for the channel field; nil if none, or if another use of the
// object could stop it or keep it.
func (s *stopCtx) startsWaiter(u *objUses) *ssa.Go {
	var found *ssa.Go
	for _, c := range u.calls {
		callee := c.ins.Common().StaticCallee()
		if g, ok := c.ins.(*ssa.Go); ok {
			if s.waits(paramUses(callee, c.arg, u.field)) {
				found = g
				continue
			}
		}
		if !s.harmless(callee, c.arg, u.field, 0) {
			return nil
		}
	}
	for _, mc := range u.closures {
		g := goOf(mc)
		fn := mc.Fn.(*ssa.Function)
		if g == nil || !s.local(fn) {
			return nil
		}
		for i, b := range mc.Bindings {
			if u.seen[b] {
				if !s.waits(freeVarUses(fn, i, u.field)) {
					return nil
				}
				found = g
			}
		}
	}
	return found
}

// goOf returns the go statement that is the only use of mc.
func goOf(mc *ssa.MakeClosure) *ssa.Go {
	var g *ssa.Go
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.Go:
			if r.Call.Value != mc || g != nil {
				return nil
			}
			g = r
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return g
}

// waits reports whether the goroutine body with the object's uses u ends
// only after receiving from the channel field.
func (s *stopCtx) waits(u *objUses) bool {
	if u.escaped || len(u.chans) == 0 || s.stopsChan(u) || len(u.closures) > 0 {
		return false
	}
	fn := u.chans[0].Parent()
	if !s.local(fn) {
		return false
	}
	for _, c := range u.calls {
		if !s.harmless(c.ins.Common().StaticCallee(), c.arg, u.field, 0) {
			return false
		}
	}
	recv := map[ssa.Instruction]bool{}
	edges := map[caseEdge]bool{}
	for _, c := range u.chans {
		for _, r := range *c.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op == token.ARROW {
					recv[r] = true
				}
			case *ssa.Select:
				markCaseEdges(r, c, recv, edges)
			}
		}
	}
	if len(recv) == 0 && len(edges) == 0 {
		return false
	}
	if len(chanflow.ReturnsWithout(fn, flow.NoReturn)) == 0 {
		return false // no way out at all: no-exit's case
	}
	intoCase := func(b *ssa.BasicBlock, i int) bool { return edges[caseEdge{b, i}] }
	return len(chanflow.ReturnsAvoiding(fn, func(ins ssa.Instruction) bool { return recv[ins] || flow.NoReturn(ins) }, intoCase)) == 0
}

// caseEdge is the edge into a select case's body: taking it means the
// case's receive happened.
type caseEdge struct {
	from *ssa.BasicBlock
	succ int
}

// markCaseEdges marks the receives of sel from c: the select itself when
// it is a plain receive, the edges into the bodies of its cases otherwise
// (an empty body's edge goes straight to a shared block, so the block
// cannot be marked).
func markCaseEdges(sel *ssa.Select, c ssa.Value, marks map[ssa.Instruction]bool, edges map[caseEdge]bool) {
	for k, st := range sel.States {
		if st.Chan != c || st.Dir != types.RecvOnly {
			continue
		}
		if sel.Blocking && len(sel.States) == 1 {
			marks[sel] = true
			continue
		}
		for _, b := range sel.Parent().Blocks {
			ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
			if !ok {
				continue
			}
			if kk, ss := chanflow.SelectCase(ifi); ss == sel && kk == k {
				edges[caseEdge{b, 0}] = true
			}
		}
	}
}

// harmless reports whether a call of fn with the object as argument arg
// neither stops it nor keeps it: it only reads fields and uses the
// channel without closing it.
func (s *stopCtx) harmless(fn *ssa.Function, arg, field, depth int) bool {
	if !s.local(fn) || depth > 3 || arg >= len(fn.Params) {
		return false
	}
	u := paramUses(fn, arg, field)
	if u.escaped || len(u.closures) > 0 || s.stopsChan(u) {
		return false
	}
	for _, c := range u.calls {
		if _, isGo := c.ins.(*ssa.Go); isGo {
			return false
		}
		if !s.harmless(c.ins.Common().StaticCallee(), c.arg, field, depth+1) {
			return false
		}
	}
	return chansStayed(u)
}

// chansStayed reports whether the channel field's values are only sent
// on, received from or measured: nobody else gets the channel.
func chansStayed(u *objUses) bool {
	for _, c := range u.chans {
		for _, r := range *c.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op != token.ARROW {
					return false
				}
			case *ssa.Send:
				if r.X == c {
					return false
				}
			case *ssa.Select:
				for _, st := range r.States {
					if st.Send == c {
						return false
					}
				}
			case *ssa.ChangeType, *ssa.DebugRef:
			case *ssa.Call:
				if !isBuiltinCall(r.Common(), "len") && !isBuiltinCall(r.Common(), "cap") && !isBuiltinCall(r.Common(), "close") {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// checkStopNotCalled reports, in fn, a value fn made with a fresh channel
// in a field, handed to a call starting a goroutine that waits for that
// channel, on a path that returns without stopping it.
func (s *stopCtx) checkStopNotCalled(fn *ssa.Function) {
	if isMainMain(fn) {
		return // the process ends with main: its goroutines go with it
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Alloc:
				for _, f := range chanFields(ins.Type()) {
					s.checkObject(fn, ins, f)
				}
			case *ssa.Call:
				if _, ok := ins.Type().Underlying().(*types.Pointer); !ok {
					continue
				}
				for _, f := range chanFields(ins.Type()) {
					if ok, start := s.constructs(ins.Call.StaticCallee(), f); ok {
						s.checkMade(fn, ins, f, start)
					}
				}
			}
		}
	}
}

// constructs reports whether fn (a constructor) returns a new object with
// a fresh channel in field f, kept nowhere else; start is the go
// statement of a goroutine waiting for the field that fn starts, if any.
func (s *stopCtx) constructs(fn *ssa.Function, f int) (ok bool, start *ssa.Go) {
	if !s.local(fn) || fn.Signature.Results().Len() != 1 {
		return false, nil
	}
	var obj *ssa.Alloc
	for _, b := range fn.Blocks {
		ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !isRet {
			continue
		}
		a, isAlloc := ret.Results[0].(*ssa.Alloc)
		if !isAlloc || (obj != nil && obj != a) {
			return false, nil
		}
		obj = a
	}
	if obj == nil {
		return false, nil
	}
	u := &objUses{field: f, stores: map[ssa.Value]bool{}, seen: map[ssa.Value]bool{}, returnable: true}
	u.visit(obj)
	if u.escaped || !freshFieldChans(u, fn) {
		return false, nil
	}
	lc := &lifecycle{starts: map[ssa.Instruction]*ssa.Go{}, stops: map[ssa.Instruction]bool{}}
	if !s.classifyCalls(u, lc) || !s.classifyClosures(u, lc) || !classifyChans(u, lc) || len(lc.stops) > 0 || len(lc.starts) > 1 {
		return false, nil
	}
	for _, g := range lc.starts {
		start = g
	}
	return true, start
}

// checkMade checks the object a constructor call made, with channel field
// f; start is the goroutine the constructor itself starts, if any.
func (s *stopCtx) checkMade(fn *ssa.Function, call *ssa.Call, f int, start *ssa.Go) {
	u := walkObject(f, call)
	if u.escaped || len(u.stores) > 0 {
		return
	}
	lc := &lifecycle{starts: map[ssa.Instruction]*ssa.Go{}, stops: map[ssa.Instruction]bool{}}
	if !s.classifyCalls(u, lc) || !s.classifyClosures(u, lc) || !classifyChans(u, lc) {
		return
	}
	if start != nil {
		lc.starts[call] = start
	}
	s.checkLifecycle(fn, call, call.Type(), f, lc)
}

// lifecycle is what a function does to one object: where it starts
// waiting goroutines and where it stops them.
type lifecycle struct {
	starts map[ssa.Instruction]*ssa.Go
	stops  map[ssa.Instruction]bool
}

// checkObject checks the object made at a with channel field f.
func (s *stopCtx) checkObject(fn *ssa.Function, a *ssa.Alloc, f int) {
	u := walkObject(f, a)
	if u.escaped || !freshFieldChans(u, fn) {
		return
	}
	lc := &lifecycle{starts: map[ssa.Instruction]*ssa.Go{}, stops: map[ssa.Instruction]bool{}}
	if !s.classifyCalls(u, lc) || !s.classifyClosures(u, lc) || !classifyChans(u, lc) {
		return
	}
	s.checkLifecycle(fn, a, a.Type(), f, lc)
}

// checkLifecycle reports a start of the object made at made (of pointer
// type t) that a return follows with no stop.
func (s *stopCtx) checkLifecycle(fn *ssa.Function, made ssa.Instruction, t types.Type, f int, lc *lifecycle) {
	if len(lc.starts) == 0 {
		return
	}
	stopper := s.stopperOf(t, f)
	if stopper == nil {
		return // nothing can stop it: no-partner's case
	}
	start, ret := lc.unstoppedReturn(fn, made)
	if start == nil {
		return
	}
	s.report(fn, t, f, start, lc.starts[start], ret, stopper)
}

// freshFieldChans reports whether every value stored in the channel field
// is a channel fn made for it and used nowhere else.
func freshFieldChans(u *objUses, fn *ssa.Function) bool {
	if len(u.stores) == 0 {
		return false
	}
	for v := range u.stores {
		m, ok := v.(*ssa.MakeChan)
		if !ok || m.Parent() != fn {
			return false
		}
		for _, r := range *m.Referrers() {
			if st, ok := r.(*ssa.Store); !ok || !u.stores[st.Val] {
				if _, dbg := r.(*ssa.DebugRef); !dbg {
					return false
				}
			}
		}
	}
	return true
}

// classifyCalls sorts the calls taking the object into starts, stops and
// harmless ones; false when one could keep the object.
func (s *stopCtx) classifyCalls(u *objUses, lc *lifecycle) bool {
	for _, c := range u.calls {
		callee := c.ins.Common().StaticCallee()
		if g, ok := c.ins.(*ssa.Go); ok {
			if !s.waits(paramUses(callee, c.arg, u.field)) {
				return false
			}
			lc.starts[c.ins] = g
			continue
		}
		switch {
		case s.stops(callee, c.arg, u.field):
			lc.stops[c.ins] = true
		case s.waiter(callee, c.arg, u.field) != nil:
			if _, deferred := c.ins.(*ssa.Defer); deferred {
				return false // a start at the exit: nothing after it to stop it, nothing before it to leak
			}
			lc.starts[c.ins] = s.waiter(callee, c.arg, u.field)
		case s.harmless(callee, c.arg, u.field, 0):
		default:
			return false
		}
	}
	return true
}

// classifyClosures accepts closures capturing the object that are
// deferred and stop it, or started and wait for it.
func (s *stopCtx) classifyClosures(u *objUses, lc *lifecycle) bool {
	for _, mc := range u.closures {
		if g := goOf(mc); g != nil {
			fn := mc.Fn.(*ssa.Function)
			for i, b := range mc.Bindings {
				if u.seen[b] && !s.waits(freeVarUses(fn, i, u.field)) {
					return false
				}
			}
			lc.starts[g] = g
			continue
		}
		d := deferOf(mc)
		if d == nil || !s.closureStops(mc, u) {
			return false
		}
		lc.stops[d] = true
	}
	return true
}

// deferOf returns the defer statement that is the only use of mc.
func deferOf(mc *ssa.MakeClosure) *ssa.Defer {
	var d *ssa.Defer
	for _, r := range *mc.Referrers() {
		switch r := r.(type) {
		case *ssa.Defer:
			if r.Call.Value != mc || d != nil {
				return nil
			}
			d = r
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return d
}

// classifyChans marks the function's own closes and sends on the channel
// field as stops; false when the channel goes anywhere else.
func classifyChans(u *objUses, lc *lifecycle) bool {
	for _, c := range u.chans {
		for _, r := range *c.Referrers() {
			switch r := r.(type) {
			case *ssa.Send:
				if r.X == c {
					return false
				}
				lc.stops[r] = true
			case ssa.CallInstruction:
				if !isBuiltinCall(r.Common(), "close") {
					if _, isCall := r.(*ssa.Call); !isCall || (!isBuiltinCall(r.Common(), "len") && !isBuiltinCall(r.Common(), "cap")) {
						return false
					}
					continue
				}
				lc.stops[r] = true
			case *ssa.Select:
				for _, st := range r.States {
					if st.Send == c {
						return false
					}
					if st.Chan == c && st.Dir == types.SendOnly {
						lc.stops[r] = true
					}
				}
			case *ssa.UnOp:
				if r.Op != token.ARROW {
					return false
				}
			case *ssa.ChangeType, *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// unstoppedReturn returns a start and a return reached after it with no
// stop on the way (and no end of the program); nil when every path stops.
func (lc *lifecycle) unstoppedReturn(fn *ssa.Function, made ssa.Instruction) (ssa.Instruction, *ssa.Return) {
	type state struct {
		b     *ssa.BasicBlock
		start ssa.Instruction
	}
	var foundStart ssa.Instruction
	var found *ssa.Return
	flow.Explore(state{fn.Blocks[0], nil}, func(st state) ([]state, bool) {
		start := st.start
		for _, ins := range st.b.Instrs {
			switch {
			case lc.stops[ins], flow.NoReturn(ins):
				return nil, false
			case ins == made && start != nil:
				return nil, false // a new object: the loop's previous one is out of reach
			case lc.starts[ins] != nil && start == nil:
				start = ins
			}
			if ret, ok := ins.(*ssa.Return); ok && start != nil {
				foundStart, found = start, ret
				return nil, true
			}
		}
		var next []state
		for _, b := range st.b.Succs {
			next = append(next, state{b, start})
		}
		return next, false
	})
	return foundStart, found
}

// stopperOf returns a method of t (or, failing one, a function of the
// package taking t) that stops field f, for the message.
func (s *stopCtx) stopperOf(t types.Type, f int) *ssa.Function {
	elem := t.Underlying().(*types.Pointer).Elem()
	var best *ssa.Function
	for _, fn := range s.p.srcFuncs {
		if fn.Parent() != nil || len(fn.Params) == 0 {
			continue
		}
		for i, prm := range fn.Params {
			pt := prm.Type()
			if q, ok := pt.(*types.Pointer); ok {
				pt = q.Elem()
			}
			if !types.Identical(pt, elem) || !s.stops(fn, i, f) {
				continue
			}
			isMethod := i == 0 && fn.Signature.Recv() != nil
			if best == nil || (isMethod && best.Signature.Recv() == nil) {
				best = fn
			}
		}
	}
	return best
}

// report reports the start with the return that skips the stop.
func (s *stopCtx) report(fn *ssa.Function, t types.Type, f int, start ssa.Instruction, g *ssa.Go, ret *ssa.Return, stopper *ssa.Function) {
	p := s.p
	elem := t.Underlying().(*types.Pointer).Elem()
	st := elem.Underlying().(*types.Struct)
	typeName := types.TypeString(elem, types.RelativeTo(p.pass.Pkg))
	field := typeName + "." + st.Field(f).Name()
	what, pos, end := p.callText(start)
	rp := returnPos(fn, ret)
	p.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleStopNotCalled,
		Message: fmt.Sprintf("%s starts a goroutine (line %d) that returns only once %s is closed or sent on, as %s does, but the path returning at line %d does not call it, so the goroutine leaks; call %s on every path after the start (defer it)",
			what, p.line(g.Pos()), field, stopper.Name(), p.line(rp), stopper.Name()),
		Related: []analysis.RelatedInformation{
			{Pos: g.Pos(), Message: "the goroutine waits here"},
			{Pos: rp, Message: "returns here without stopping it"},
		},
	})
}
