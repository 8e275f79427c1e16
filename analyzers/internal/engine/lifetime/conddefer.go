package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// A deferred closure that releases the resource on some of its paths only
// (defer func() { if err != nil { cancel() } }(), or the ownership flag:
// ok := false; defer func() { if !ok { c.Close() } }(); ...; ok = true;
// return c) releases it at a return exactly when what its tests read there
// takes it down a releasing path. What it reads is the enclosing
// function's variables it captures (a flag, a named error result), whose
// values at the return the path decides: the constant last stored, a value
// known nil or not (a new error, a value under the non-nil edge of its own
// test). So the walker keeps, per path, which such defers are registered
// and what it knows of the variables they test, and at each return runs
// the closure's body under that knowledge: where some path of the body
// does not release, the obligation stands unless the resource escapes on
// the path (the ownership flag's successful return hands it out). The
// variable the closure reads the resource from is followed the same way:
// where the path has cleared it (f = nil, or "return nil, err" into a
// named result f, which happens before the defers run) the closure
// releases nothing, even one that releases on every path of its body. A
// variable the analysis cannot follow (its address handed to a call,
// another closure storing into it) makes the defer count as releasing, as
// any deferred closure that releases on some path did before.

// absVal is what a path knows of a variable's value.
type absVal uint8

const (
	avOpaque absVal = iota // not followed: the analysis cannot say
	avEither               // computed at run time: either way
	avFalse
	avTrue
	avNil
	avNonNil
)

// joinVal is what two paths that meet know.
func joinVal(a, b absVal) absVal {
	switch {
	case a == b:
		return a
	case a == avOpaque || b == avOpaque:
		return avOpaque
	}
	return avEither
}

// The limits of what a walker follows: more conditional defers, or more
// variables, than these fall back to counting a defer as releasing.
const (
	maxCondDefers = 8
	maxCondVars   = 8
)

// condState is a path's state for conditional defers: the defers
// registered on it, and what it knows of each followed variable.
type condState struct {
	pending uint8
	vals    [maxCondVars]absVal
}

// condDefer is a deferred closure that releases the resource on some of
// its paths only, or through a variable some path clears.
type condDefer struct {
	// at is where the path starts to count on it: the defer statement, or
	// the store of the resource into a variable the closure, deferred
	// before, captures.
	at       ssa.Instruction
	pos      token.Pos // the defer statement
	mc       *ssa.MakeClosure
	bindings []binding // the free variables carrying the resource
}

// condDefers are the conditional defers of one function for one tracked
// resource, and the variables their closures capture.
type condDefers struct {
	t         *tracker
	fn        *ssa.Function
	defers    []*condDefer
	at        map[ssa.Instruction]uint8 // the defers each registration point registers
	vars      []*ssa.Alloc
	slot      map[*ssa.Alloc]int
	trackable []bool
	memo      map[condMemo]bool
}

type condMemo struct {
	k  int
	st condState
}

// condDefers finds fn's conditional defers of the tracked resource; nil
// when there are none.
func (t *tracker) condDefers(fn *ssa.Function) *condDefers {
	if len(t.closures) == 0 || t.s == nil {
		return nil
	}
	var c *condDefers
	add := func(at ssa.Instruction, d *ssa.Defer, mc *ssa.MakeClosure, bs []binding) {
		if c == nil {
			c = &condDefers{t: t, fn: fn, at: map[ssa.Instruction]uint8{}, slot: map[*ssa.Alloc]int{}, memo: map[condMemo]bool{}}
		}
		if len(c.defers) == maxCondDefers {
			return
		}
		var vars []*ssa.Alloc
		for _, v := range mc.Bindings {
			if a, ok := v.(*ssa.Alloc); ok {
				if _, seen := c.slot[a]; !seen {
					vars = append(vars, a)
				}
			}
		}
		if len(c.vars)+len(vars) > maxCondVars {
			return
		}
		for _, a := range vars {
			c.slot[a] = len(c.vars)
			c.vars = append(c.vars, a)
		}
		c.at[at] |= 1 << len(c.defers)
		c.defers = append(c.defers, &condDefer{at: at, pos: d.Pos(), mc: mc, bindings: bs})
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Defer:
				mc := closureLiteral(ins.Call.Value)
				if cl := t.closures[ins.Call.Value]; cl != nil && mc != nil && len(ins.Call.Args) == 0 {
					if bs, sure := t.candidateBindings(mc, cl.bindings); !sure && bs != nil {
						add(ins, ins, mc, bs)
					}
				}
			case *ssa.Store:
				a, ok := ins.Addr.(*ssa.Alloc)
				if !ok || !t.boxes[a] || !t.carried(ins.Val) {
					continue
				}
				dcs := deferredBefore(a, ins)
				cands := make([][]binding, len(dcs))
				sure := false
				for i, dc := range dcs {
					var s bool
					cands[i], s = t.candidateBindings(dc.mc, dc.bindings)
					sure = sure || s
				}
				if sure {
					continue // released at the store by a defer that releases it on every path
				}
				for i, dc := range dcs {
					if cands[i] != nil {
						add(ins, dc.d, dc.mc, cands[i])
					}
				}
			}
		}
	}
	if c == nil {
		return nil
	}
	c.trackable = make([]bool, len(c.vars))
	for i, a := range c.vars {
		c.trackable[i] = c.followable(a)
	}
	return c
}

// closureLiteral returns the closure literal v is, under conversions.
func closureLiteral(v ssa.Value) *ssa.MakeClosure {
	for {
		switch x := v.(type) {
		case *ssa.MakeClosure:
			return x
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
}

// candidateBindings returns the bindings of bs through which closure mc
// releases the resource on some path but not surely: its body does not
// release it on every path, or the variable it reads the resource from is
// overwritten with something else on some path of the function (f = nil;
// return nil, err into a named result f), so that the closure finds
// something else there. sure reports a binding through which it releases
// it surely; nil means none releases it, or one lets it escape.
func (t *tracker) candidateBindings(mc *ssa.MakeClosure, bs []binding) (out []binding, sure bool) {
	fn := mc.Fn.(*ssa.Function)
	for _, b := range bs {
		switch t.s.freeVarEffect(fn, b) {
		case Releases:
			box, _ := mc.Bindings[b.index].(*ssa.Alloc)
			if !t.s.releasesConditionally(fn, b) && !(b.boxed && box != nil && t.overwritten(box)) {
				return nil, true
			}
			out = append(out, b)
		case Borrows:
		default:
			return nil, false
		}
	}
	return out, false
}

// overwritten reports whether something other than the resource is
// stored into box, a variable that holds it.
func (t *tracker) overwritten(box *ssa.Alloc) bool {
	for _, r := range *box.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == box && !t.carried(st.Val) {
			return true
		}
	}
	return false
}

// releasesConditionally reports whether closure fn, which releases what
// its free variable b carries on some path, leaves it unreleased on
// another.
func (s *summarizer) releasesConditionally(fn *ssa.Function, b binding) bool {
	key := freeVarKey{fn, b}
	if v, ok := s.conditional[key]; ok {
		return v
	}
	s.conditional[key] = false // recursion guard
	v := len(walker{t: s.freeVarTracker(fn, b), fn: fn}.leaks(fn.Blocks[0], 0)) > 0
	s.conditional[key] = v
	return v
}

// deferredClosure is a closure deferred by d, capturing a variable in
// bindings.
type deferredClosure struct {
	d        *ssa.Defer
	mc       *ssa.MakeClosure
	bindings []binding
}

// deferredBefore returns the deferred closures that capture the variable
// box and are deferred before st stores into it: the defer's block
// dominates the store's, so every path to the store registered it.
func deferredBefore(box *ssa.Alloc, st *ssa.Store) []deferredClosure {
	var out []deferredClosure
	for _, r := range *box.Referrers() {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		d := deferOf(mc)
		if d == nil || !precedes(d, st) {
			continue
		}
		var bs []binding
		for i, b := range mc.Bindings {
			if b == box {
				bs = append(bs, binding{i, true})
			}
		}
		out = append(out, deferredClosure{d, mc, bs})
	}
	return out
}

// deferOf returns the defer statement that calls closure mc, or nil.
func deferOf(mc *ssa.MakeClosure) *ssa.Defer {
	for _, r := range *mc.Referrers() {
		if d, ok := r.(*ssa.Defer); ok && d.Call.Value == mc {
			return d
		}
	}
	return nil
}

// precedes reports whether x runs before y on every path to y.
func precedes(x, y ssa.Instruction) bool {
	if x.Block() == y.Block() {
		return indexOf(x) < indexOf(y)
	}
	return x.Block().Dominates(y.Block())
}

// followable reports whether every change to variable a is a store the
// walker sees (the conditional defers' own stores run after the return,
// and decide() does not trust a load that one of them precedes).
func (c *condDefers) followable(a *ssa.Alloc) bool {
	return onlyStoredHere(a, func(mc *ssa.MakeClosure) bool {
		for _, cd := range c.defers {
			if cd.mc == mc {
				return true
			}
		}
		return false
	})
}

// initial is the state of a path starting at instruction index of block
// start: each variable as the stores that reach there leave it.
func (c *condDefers) initial(start *ssa.BasicBlock, index int) condState {
	var st condState
	for k, a := range c.vars {
		if c.trackable[k] {
			st.vals[k] = c.reaching(a, start, index)
		}
	}
	return st
}

// reaching is what the stores to variable a that reach instruction index
// of block b leave in it.
func (c *condDefers) reaching(a *ssa.Alloc, b *ssa.BasicBlock, index int) absVal {
	var out absVal
	have := false
	add := func(v absVal) {
		if !have {
			out, have = v, true
		} else {
			out = joinVal(out, v)
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	var visit func(b *ssa.BasicBlock, index int)
	visit = func(b *ssa.BasicBlock, index int) {
		for i := index - 1; i >= 0; i-- {
			switch ins := b.Instrs[i].(type) {
			case *ssa.Store:
				if ins.Addr == a {
					add(c.abstract(ins.Val, b, 0))
					return
				}
			case *ssa.Alloc:
				if ins == a {
					add(zeroOf(a))
					return
				}
			}
		}
		if len(b.Preds) == 0 {
			add(avOpaque) // not allocated yet: step sets it when it is
			return
		}
		for _, p := range b.Preds {
			if !seen[p] {
				seen[p] = true
				visit(p, len(p.Instrs))
			}
		}
	}
	visit(b, index)
	return out
}

// zeroOf is what a new variable a holds.
func zeroOf(a *ssa.Alloc) absVal {
	t := a.Type().(*types.Pointer).Elem()
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return avFalse
	}
	if nilable(t) {
		return avNil
	}
	return avEither
}

// nilable reports whether values of type t can be nil.
func nilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Chan, *types.Signature, *types.Slice:
		return true
	}
	return false
}

// step is the state after ins.
func (c *condDefers) step(ins ssa.Instruction, st condState) condState {
	switch ins := ins.(type) {
	case *ssa.Alloc:
		if k, ok := c.slot[ins]; ok && c.trackable[k] {
			st.vals[k] = zeroOf(ins)
		}
	case *ssa.Store:
		if a, ok := ins.Addr.(*ssa.Alloc); ok {
			if k, ok := c.slot[a]; ok && c.trackable[k] {
				if j, ok := c.loadedVar(ins.Val, ins); ok {
					st.vals[k] = st.vals[j] // err = err, a variable copied into another
				} else {
					st.vals[k] = c.abstract(ins.Val, ins.Block(), 0)
				}
			}
		}
	}
	return st
}

// loadedVar reports whether v loads a followed variable in the block of
// ins, with no store into it between the load and ins: v is the value the
// path's state has for it.
func (c *condDefers) loadedVar(v ssa.Value, ins ssa.Instruction) (int, bool) {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL || u.Block() != ins.Block() {
		return 0, false
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return 0, false
	}
	k, ok := c.slot[a]
	if !ok || !c.trackable[k] {
		return 0, false
	}
	for _, x := range ins.Block().Instrs[indexOf(u)+1 : indexOf(ins)] {
		if st, ok := x.(*ssa.Store); ok && st.Addr == a {
			return 0, false
		}
	}
	return k, true
}

// abstract is what is known of value v stored in block b.
func (c *condDefers) abstract(v ssa.Value, b *ssa.BasicBlock, depth int) absVal {
	if k, ok := v.(*ssa.Const); ok {
		switch {
		case k.Value != nil && k.Value.Kind() == constant.Bool:
			if constant.BoolVal(k.Value) {
				return avTrue
			}
			return avFalse
		case k.IsNil():
			return avNil
		}
		return avEither
	}
	if !nilable(v.Type()) {
		return avEither
	}
	if c.t.aliases[v] || flow.NonNilError(v) {
		return avNonNil // the resource is not nil where it is owed
	}
	switch v := v.(type) {
	case *ssa.MakeInterface, *ssa.Alloc, *ssa.MakeClosure, *ssa.MakeMap, *ssa.MakeChan, *ssa.FieldAddr, *ssa.IndexAddr:
		return avNonNil
	case *ssa.ChangeInterface:
		return c.abstract(v.X, b, depth)
	case *ssa.ChangeType:
		return c.abstract(v.X, b, depth)
	case *ssa.Phi:
		if depth > 3 {
			return avEither
		}
		out := c.abstract(v.Edges[0], v.Block().Preds[0], depth+1)
		for i, e := range v.Edges[1:] {
			out = joinVal(out, c.abstract(e, v.Block().Preds[i+1], depth+1))
		}
		return out
	case *ssa.Call:
		if arg := c.translated(v, 0); arg != nil && depth <= 3 {
			return c.abstract(arg, b, depth+1)
		}
		if c.wrapsFailure(v, b, depth) {
			return avNonNil
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && depth <= 3 {
			if arg := c.translated(call, v.Index); arg != nil {
				return c.abstract(arg, b, depth+1)
			}
			if isError(v.Type()) && c.wrapsFailure(call, b, depth) {
				return avNonNil
			}
		}
	}
	if isNil, known := nilnessAt(b, v); known {
		if isNil {
			return avNil
		}
		return avNonNil
	}
	return avEither
}

// wrapsFailure reports whether call, whose error result is stored in
// block b, is handed an error known not to be nil there: by convention
// what it makes of a failure is a failure (toRPCErr(err) under err != nil,
// errors.Join(err, cerr)). A filter that drops some errors would make it
// nil; taking it for non-nil errs on the side of the defer releasing.
func (c *condDefers) wrapsFailure(call *ssa.Call, b *ssa.BasicBlock, depth int) bool {
	if depth > 3 {
		return false
	}
	for _, arg := range call.Call.Args {
		if isError(arg.Type()) && c.abstract(arg, b, depth+1) == avNonNil {
			return true
		}
	}
	return false
}

// atReturn is st as the return ret reads it: where ret hands back zero
// values beside an error the path cannot decide (return nil, status.Errorf
// (...)), the (v, err) convention says the error is not nil. A return of
// a value beside it, or of an error alone, stays undecided.
func (c *condDefers) atReturn(ret *ssa.Return, st condState) condState {
	n := len(ret.Results)
	if c == nil || st.pending == 0 || n < 2 || !isError(ret.Results[n-1].Type()) {
		return st
	}
	u, ok := ret.Results[n-1].(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return st
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return st
	}
	k, ok := c.slot[a]
	if !ok || !c.trackable[k] || st.vals[k] != avEither {
		return st
	}
	for _, r := range ret.Results[:n-1] {
		if !flow.IsZeroConst(storedResult(r)) {
			return st
		}
	}
	st.vals[k] = avNonNil
	return st
}

// translated returns the argument whose nil-ness result j of call has,
// by the callee's summary (an error translator), or nil.
func (c *condDefers) translated(call *ssa.Call, j int) ssa.Value {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	sum := c.t.s.summary(callee)
	if sum == nil || j >= len(sum.ErrOf) || sum.ErrOf[j] == 0 || sum.ErrOf[j]-1 >= len(call.Call.Args) {
		return nil
	}
	return call.Call.Args[sum.ErrOf[j]-1]
}

// follow returns the successors of a block ending in ins (an If, or nil
// for a jump) the walk goes on to, with their states: a test of a
// followed variable drops the edge the path's value rules out, and tells
// the other edge its value.
func (c *condDefers) follow(ins *ssa.If, succs []*ssa.BasicBlock, st condState) []edge {
	out := make([]edge, 0, len(succs))
	for _, s := range succs {
		out = append(out, edge{s, st})
	}
	if c == nil || ins == nil {
		return out
	}
	k, onTrue, ok := c.testedVar(ins)
	if !ok {
		return out
	}
	all := ins.Block().Succs
	if all[0] == all[1] {
		return out
	}
	kept := out[:0]
	for _, e := range out {
		v := onTrue
		if e.b != all[0] {
			v = negateVal(onTrue)
		}
		if cur := e.st.vals[k]; cur != avOpaque && cur != avEither && cur != v {
			continue // the path's value takes the other edge
		}
		if e.st.vals[k] != avOpaque {
			e.st.vals[k] = v
		}
		kept = append(kept, e)
	}
	return kept
}

// negateVal is the other value of a test.
func negateVal(v absVal) absVal {
	switch v {
	case avTrue:
		return avFalse
	case avFalse:
		return avTrue
	case avNil:
		return avNonNil
	case avNonNil:
		return avNil
	}
	return v
}

// testedVar reports whether ins tests a followed variable, loaded in its
// block with no store after the load: the variable's slot, and the value
// it has on the true edge.
func (c *condDefers) testedVar(ins *ssa.If) (k int, onTrue absVal, ok bool) {
	cond, neg := stripNot(ins.Cond)
	load := cond
	var isNilOnTrue, cmp bool
	if b, ok := cond.(*ssa.BinOp); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
		switch {
		case flow.IsNilConst(b.Y):
			load = b.X
		case flow.IsNilConst(b.X):
			load = b.Y
		default:
			return 0, 0, false
		}
		cmp, isNilOnTrue = true, b.Op == token.EQL
	}
	k, ok = c.loadedVar(load, ins)
	if !ok {
		return 0, 0, false
	}
	switch {
	case cmp && isNilOnTrue != neg:
		return k, avNil, true
	case cmp:
		return k, avNonNil, true
	case neg:
		return k, avFalse, true
	}
	return k, avTrue, true
}

// stripNot returns cond without its negations, and whether there was an
// odd number of them.
func stripNot(cond ssa.Value) (ssa.Value, bool) {
	neg := false
	for {
		u, ok := cond.(*ssa.UnOp)
		if !ok || u.Op != token.NOT {
			return cond, neg
		}
		cond, neg = u.X, !neg
	}
}

// releasesAt reports whether a defer registered on the path releases the
// resource at a return reached with state st.
func (c *condDefers) releasesAt(st condState) bool {
	if c == nil || st.pending == 0 {
		return false
	}
	for k := range c.defers {
		if st.pending&(1<<k) != 0 && c.releases(k, st) {
			return true
		}
	}
	return false
}

// releases reports whether conditional defer k releases the resource on
// every path of its body that st allows, or reads what the analysis does
// not follow.
func (c *condDefers) releases(k int, st condState) bool {
	key := condMemo{k, st}
	if v, ok := c.memo[key]; ok {
		return v
	}
	cd := c.defers[k]
	fn := cd.mc.Fn.(*ssa.Function)
	out := false
	for _, b := range cd.bindings {
		if box, ok := cd.mc.Bindings[b.index].(*ssa.Alloc); ok && b.boxed {
			if k, ok := c.slot[box]; ok && st.vals[k] == avNil {
				continue // the variable no longer holds it
			}
		}
		opaque := false
		w := walker{t: c.t.s.freeVarTracker(fn, b), fn: fn, opaqueHit: &opaque,
			env: func(cond ssa.Value) (bool, bool, bool) { return c.decide(cd, st, cond) }}
		if leaks := w.leaks(fn.Blocks[0], 0); opaque || len(leaks) == 0 {
			out = true
			break
		}
	}
	c.memo[key] = out
	return out
}

// decide decides a condition of defer cd's body from state st: a flag it
// captures, a captured variable against nil, recover() (nil on a return).
func (c *condDefers) decide(cd *condDefer, st condState, cond ssa.Value) (value, known, opaque bool) {
	cond, neg := stripNot(cond)
	if v, ok := c.captured(cd, st, cond); ok {
		switch v {
		case avTrue, avFalse:
			return (v == avTrue) != neg, true, false
		case avOpaque:
			return false, false, true
		}
		return false, false, false
	}
	b, ok := cond.(*ssa.BinOp)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false, false, false
	}
	x := b.X
	switch {
	case flow.IsNilConst(b.Y):
	case flow.IsNilConst(b.X):
		x = b.Y
	default:
		return false, false, false
	}
	v, ok := c.captured(cd, st, x)
	if !ok && isRecover(x) {
		v, ok = avNil, true // a deferred call run by a return recovers nothing
	}
	switch {
	case !ok:
		return false, false, false
	case v == avOpaque:
		return false, false, true
	case v == avNil || v == avNonNil:
		return (v == avNil) == (b.Op == token.EQL) != neg, true, false
	}
	return false, false, false
}

// captured reports what st knows of x when it is a free variable of cd's
// closure (or a load of one that no store in the closure precedes).
func (c *condDefers) captured(cd *condDefer, st condState, x ssa.Value) (absVal, bool) {
	fn := cd.mc.Fn.(*ssa.Function)
	if fv, ok := x.(*ssa.FreeVar); ok {
		outer := cd.mc.Bindings[freeVarIndex(fn, fv)]
		return c.abstract(outer, cd.mc.Block(), 0), true
	}
	u, ok := x.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return 0, false
	}
	fv, ok := u.X.(*ssa.FreeVar)
	if !ok {
		return 0, false
	}
	a, ok := cd.mc.Bindings[freeVarIndex(fn, fv)].(*ssa.Alloc)
	if !ok {
		return avOpaque, true
	}
	k, ok := c.slot[a]
	if !ok || storedBefore(fv, u) {
		return avOpaque, true
	}
	return st.vals[k], true
}

// freeVarIndex is fv's index among fn's free variables.
func freeVarIndex(fn *ssa.Function, fv *ssa.FreeVar) int {
	for i, v := range fn.FreeVars {
		if v == fv {
			return i
		}
	}
	return -1
}

// storedBefore reports whether a store into fv can run before load.
func storedBefore(fv *ssa.FreeVar, load ssa.Instruction) bool {
	for _, r := range *fv.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != fv {
			continue
		}
		if st.Block() == load.Block() && indexOf(st) < indexOf(load) || flow.Reaches(st.Block(), load.Block()) {
			return true
		}
	}
	return false
}

// isRecover reports whether v is the result of the recover builtin.
func isRecover(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "recover"
}

// deferredPos is the defer statement of the first conditional defer
// registered in st, or NoPos.
func (c *condDefers) deferredPos(st condState) token.Pos {
	if c == nil {
		return token.NoPos
	}
	for k, cd := range c.defers {
		if st.pending&(1<<k) != 0 {
			return cd.pos
		}
	}
	return token.NoPos
}

// releasesOnError reports whether a conditional defer registered on leak
// l's path would release the resource there if the error the return hands
// back, a variable the defer captures (a named result), were not nil:
// defer func() { if err != nil { f.Close() } }() in a function returning
// err releases f exactly when it fails.
func (c *condDefers) releasesOnError(l Leak) bool {
	if c == nil || l.Exit == nil || l.st.pending == 0 || len(l.Exit.Results) == 0 {
		return false
	}
	last := l.Exit.Results[len(l.Exit.Results)-1]
	u, ok := last.(*ssa.UnOp)
	if !ok || u.Op != token.MUL || !isError(last.Type()) {
		return false
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	k, ok := c.slot[a]
	if !ok || !c.trackable[k] {
		return false
	}
	st := l.st
	st.vals[k] = avNonNil
	return c.releasesAt(st)
}

// cleared reports whether a conditional defer registered in st reads the
// resource from a variable that no longer holds it there.
func (c *condDefers) cleared(st condState) bool {
	if c == nil {
		return false
	}
	for k, cd := range c.defers {
		if st.pending&(1<<k) == 0 {
			continue
		}
		for _, b := range cd.bindings {
			if box, ok := cd.mc.Bindings[b.index].(*ssa.Alloc); ok && b.boxed {
				if j, ok := c.slot[box]; ok && st.vals[j] == avNil {
					return true
				}
			}
		}
	}
	return false
}
