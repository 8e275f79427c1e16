package lifetime

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// Leak is a path on which an acquired resource is not released.
type Leak struct {
	// Exit is the return on the path, or nil when the path loops back to
	// the acquisition (the resource is overwritten by the next iteration).
	Exit *ssa.Return
	// Pos is where the path leaves: the return, or the function's closing
	// brace for an implicit return, or the acquisition for a loop.
	Pos token.Pos
	// Deferred, when valid, is a defer registered on the path whose
	// closure releases the resource on some of its paths, but not on
	// this one.
	Deferred token.Pos
	// Cleared reports that the variable through which that closure
	// releases the resource holds something else on this path (f = nil,
	// or return nil, err into a named result f, before the defers run).
	Cleared bool
	st      condState // the path's state at Exit
}

// Handoff is a go statement that hands the resource to a function that
// releases it on some paths only: the goroutine owns it, and leaks it on
// the others (a connection accepted in a server loop and served by a
// handler that returns early without closing it).
type Handoff struct {
	Go *ssa.Go
	// Callee is the function the goroutine runs.
	Callee *ssa.Function
}

// leaks walks the CFG forward from the acquisition and returns the exits
// reachable without passing an instruction that releases the resource or
// lets it escape. Edges on which the acquisition's error is non-nil, or the
// resource is nil, are not followed: nothing is owed there. A path that
// ends in a call that never returns owes nothing either (the SSA builder
// ends such blocks with no successors).
// The go statements that hand the resource to such a function end their
// paths, and are returned apart.
func (a *Acquisition) leaks() ([]Leak, []Handoff) {
	if a.Value == nil {
		return []Leak{{Pos: a.Call.Pos()}}, nil
	}
	var handoffs []Handoff
	w := walker{t: a.t, fn: a.Fn, acquire: a.Call, handoffs: &handoffs}
	return w.leaks(a.Call.Block(), indexOf(a.Call)+1), handoffs
}

// walker finds the exits a tracked resource reaches still owed.
type walker struct {
	t  *tracker
	fn *ssa.Function
	// from is the block the paths start in (the acquisition's).
	from *ssa.BasicBlock
	// acquire, when set, is the acquiring call: reaching it again means the
	// previous resource is overwritten still owed.
	acquire ssa.Instruction
	// openReturns makes a return that hands the resource out end its path
	// as a "leak" (see openReturns), instead of as an escape.
	openReturns bool
	// handoffs, when set, collects the go statements that hand the
	// resource to a function releasing it on some paths only (Handoff).
	handoffs *[]Handoff
	// conds are the function's deferred closures that release the
	// resource on some of their paths only, and the variables they test
	// (see conddefer.go); nil when there are none.
	conds *condDefers
	// env, when set, decides a condition the walker cannot (the body of
	// a deferred closure run with what the enclosing path knows of the
	// variables it captures): value, known, or opaque when the analysis
	// cannot follow what it reads, which ends the walk with opaqueHit set.
	env       func(cond ssa.Value) (value, known, opaque bool)
	opaqueHit *bool
}

func (w walker) leaks(start *ssa.BasicBlock, index int) []Leak {
	w.from = start
	if w.env == nil && w.conds == nil {
		w.conds = w.t.condDefers(w.fn)
	}
	var out []Leak
	type item struct {
		b     *ssa.BasicBlock
		start int
		st    condState
	}
	visited := map[edge]bool{} // a block entered in one state
	var st0 condState
	if w.conds != nil {
		st0 = w.conds.initial(start, index)
	}
	queue := []item{{start, index, st0}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		leak, next, done := w.walkBlock(it.b, it.start, it.st)
		if leak != nil {
			out = append(out, *leak)
		}
		if done {
			continue
		}
		for _, e := range next {
			if !visited[e] {
				visited[e] = true
				queue = append(queue, item{e.b, 0, e.st})
			}
		}
		if w.opaqueHit != nil && *w.opaqueHit {
			return nil
		}
	}
	return out
}

// edge is a successor to walk on to, with the path's state there.
type edge struct {
	b  *ssa.BasicBlock
	st condState
}

// walkBlock scans b from start with the path's state st. It returns a
// leak when the block exits still owing, the successors to follow, and
// done when the path ends here.
func (w walker) walkBlock(b *ssa.BasicBlock, start int, st condState) (*Leak, []edge, bool) {
	for _, ins := range b.Instrs[start:] {
		if w.acquire != nil && ins == w.acquire {
			if st.pending != 0 {
				// The resource is captured by a deferred closure that
				// releases it on some paths: as for any defer in a loop,
				// defer-in-loop speaks about it.
				return nil, nil, true
			}
			return &Leak{Pos: ins.Pos()}, nil, true
		}
		if w.conds != nil {
			if bits, ok := w.conds.at[ins]; ok {
				st.pending |= bits // released at the returns where it takes its releasing branch
				continue
			}
			st = w.conds.step(ins, st)
		}
		if ret, ok := ins.(*ssa.Return); ok && w.openReturns {
			if w.t.returnsAlias(ret) && !w.conds.releasesAt(st) {
				return &Leak{Exit: ret, Pos: returnPos(w.fn, ret)}, nil, true
			}
			return nil, nil, true
		}
		if g, ok := ins.(*ssa.Go); ok && w.handoffs != nil {
			if callee := w.t.partialHandoff(g); callee != nil {
				*w.handoffs = append(*w.handoffs, Handoff{Go: g, Callee: callee})
				return nil, nil, true
			}
		}
		if w.t.classify(ins).discharges() || w.t.receivesFired(ins) || failsTest(ins) {
			return nil, nil, true
		}
		if flow.NoReturn(ins) {
			// os.Exit, log.Fatal, runtime.Goexit, log.Panic: nothing runs
			// after it here. Besides the panic buildssa puts after the
			// calls ctrlflow proves never return, NoReturn knows the ones
			// ctrlflow cannot see (t.Fatal through testing.TB), as the
			// other engines' walks do; and a standard-library stop does not
			// hang on ctrlflow's facts of it (stdfacts' table).
			return nil, nil, true
		}
		switch ins := ins.(type) {
		case *ssa.Return:
			st = w.conds.atReturn(ins, st)
			if w.conds.releasesAt(st) {
				return nil, nil, true
			}
			return &Leak{Exit: ins, Pos: returnPos(w.fn, ins), Deferred: w.conds.deferredPos(st), Cleared: w.conds.cleared(st), st: st}, nil, true
		case *ssa.Panic:
			return nil, nil, true
		case *ssa.If:
			succs := w.t.followIf(ins, w.from)
			if w.env != nil && len(succs) == 2 {
				v, known, opaque := w.env(ins.Cond)
				if opaque {
					*w.opaqueHit = true
					return nil, nil, true
				}
				if known {
					if v {
						succs = succs[:1]
					} else {
						succs = succs[1:]
					}
				}
			}
			return nil, w.conds.follow(ins, succs, st), false
		}
	}
	return nil, w.conds.follow(nil, b.Succs, st), false
}

// followIf drops the successor on which the acquisition's error is
// non-nil or the resource is nil, or that a flag rules out on the paths
// from block from.
func (t *tracker) followIf(ins *ssa.If, from *ssa.BasicBlock) []*ssa.BasicBlock {
	return t.followIfWith(ins, from, nil)
}

// guardedBy reports whether c calls one of the kind's Guards on the
// resource.
func (t *tracker) guardedBy(c *ssa.CallCommon) bool {
	if t.kind == nil {
		return false
	}
	for _, g := range t.kind.Guards {
		if t.isMethodCall(c, g) {
			return true
		}
	}
	return false
}

// followIfWith is followIf where failed names more error values.
func (t *tracker) followIfWith(ins *ssa.If, from *ssa.BasicBlock, failed func(ssa.Value) bool) []*ssa.BasicBlock {
	isErr := func(v ssa.Value) bool { return t.errs[v] || (failed != nil && (failed(v) || storedOnly(v, failed))) }
	succs := ins.Block().Succs
	if v, ok := decidedAbove(ins.Cond, from); ok {
		if v {
			return succs[:1]
		}
		return succs[1:]
	}
	if v, ok := flagOnPaths(ins.Cond, from); ok {
		if v {
			return succs[:1]
		}
		return succs[1:]
	}
	if t.selectFired(ins) {
		return succs[1:] // the timer fired: nothing left to stop
	}
	if up := t.upgradeEdge(ins); up >= 0 {
		return succs[1-up : 2-up] // the other edge: the upgrade owes nothing here
	}
	if call, ok := ins.Cond.(*ssa.Call); ok && t.impliesErr(call, isErr) {
		return succs[1:] // os.IsNotExist(err) and the like: err != nil
	}
	if e, ok := ins.Cond.(*ssa.Extract); ok && e.Index == 1 {
		if ta, ok := e.Tuple.(*ssa.TypeAssert); ok && ta.CommaOk && t.aliases[ta.X] {
			return succs[:1] // "if c, ok := v.(io.Closer); ok": nothing to close otherwise
		}
		if ta, ok := e.Tuple.(*ssa.TypeAssert); ok && ta.CommaOk && isErr(ta.X) {
			// "if ne, ok := err.(net.Error); ok": a nil error asserts to
			// nothing, so the true edge is a failed acquisition.
			return succs[1:]
		}
	}
	if call, ok := ins.Cond.(*ssa.Call); ok && t.kind != nil && t.kind.Iterated && t.isMethodCall(call.Common(), "Next") {
		return succs[:1] // rows.Next closes the rows when it returns false
	}
	if call, ok := ins.Cond.(*ssa.Call); ok && t.guardedBy(call.Common()) {
		return succs[:1] // if e.Enabled(): a disabled event owes nothing
	}
	x := flow.NilCompared(ins.Cond)
	if x == nil {
		return succs
	}
	cmp := ins.Cond.(*ssa.BinOp)
	// Succs[0] is the true edge.
	trueWhenNil := cmp.Op == token.EQL
	switch {
	case isErr(x):
		if trueWhenNil {
			return succs[:1] // err == nil: only the true edge owes
		}
		return succs[1:]
	case t.aliases[x]:
		if trueWhenNil {
			return succs[1:] // resource == nil: the true edge owes nothing
		}
		return succs[:1]
	}
	return succs
}

// testFailures are the testing.T/B/F methods that fail or skip the test.
var testFailures = map[string]bool{
	"Error": true, "Errorf": true, "Fail": true, "FailNow": true, "Fatal": true, "Fatalf": true,
	"Skip": true, "Skipf": true, "SkipNow": true,
}

// failsTest reports whether ins fails or skips the running test: what the
// test leaves open after that is not worth a finding (the test already
// reports a failure, and Fatal/Skip end it).
func failsTest(ins ssa.Instruction) bool {
	call, ok := ins.(ssa.CallInstruction)
	if !ok {
		return false
	}
	obj := flow.CalleeFunc(call.Common())
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "testing" || !testFailures[obj.Name()] {
		return false
	}
	return flow.RecvName(obj) != ""
}

// errPredicates return false for a nil error: when one is true, the
// acquisition failed.
var errPredicates = map[string]map[string]bool{
	"errors": {"Is": true, "As": true},
	"os":     {"IsNotExist": true, "IsExist": true, "IsPermission": true, "IsTimeout": true},
}

// impliesErr reports whether call is an error predicate applied to the
// acquisition's error.
func (t *tracker) impliesErr(call *ssa.Call, isErr func(ssa.Value) bool) bool {
	obj := flow.CalleeFunc(&call.Call)
	if obj == nil || obj.Pkg() == nil || !errPredicates[obj.Pkg().Path()][obj.Name()] {
		return false
	}
	return len(call.Call.Args) > 0 && isErr(call.Call.Args[0])
}

func indexOf(ins ssa.Instruction) int {
	for i, x := range ins.Block().Instrs {
		if x == ins {
			return i
		}
	}
	return -1
}

// returnPos is a return's position, or the closing brace of the function
// for an implicit one.
func returnPos(fn *ssa.Function, ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	if syn := fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return fn.Pos()
}

// Walker is a per-path visitor for Walk.
type Walker struct {
	// Visit sees each instruction with the state on arrival and returns
	// the state after it, or stop to end the path there.
	Visit func(ins ssa.Instruction, state uint8) (next uint8, stop bool)
	// Exit is called for each return reached.
	Exit func(ret *ssa.Return, state uint8)
	// Failed, if set, names more error values whose non-nil edge ends a
	// path (the error of a read that consumed the resource, say).
	Failed func(v ssa.Value) bool
}

// Walk explores the paths forward from the acquisition with a small
// per-path state, for rules that ask more than "is it released"
// (httpbody's status check). Edges on which the acquisition failed or the
// resource is nil are pruned, as for leaks.
func (a *Acquisition) Walk(initial uint8, w Walker) {
	if a.Value == nil {
		return
	}
	type item struct {
		b     *ssa.BasicBlock
		start int
		state uint8
	}
	type key struct {
		b     *ssa.BasicBlock
		state uint8
	}
	seen := map[key]bool{}
	queue := []item{{a.Call.Block(), indexOf(a.Call) + 1, initial}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		state, succs, ok := a.walkStateful(it.b, it.start, it.state, w)
		if !ok {
			continue
		}
		for _, s := range succs {
			if k := (key{s, state}); !seen[k] {
				seen[k] = true
				queue = append(queue, item{s, 0, state})
			}
		}
	}
}

// walkStateful scans one block for Walk; ok is false when the path ends.
func (a *Acquisition) walkStateful(b *ssa.BasicBlock, start int, state uint8, w Walker) (uint8, []*ssa.BasicBlock, bool) {
	for _, ins := range b.Instrs[start:] {
		if ins == ssa.Instruction(a.Call) {
			return state, nil, false // the next iteration's resource
		}
		next, stop := w.Visit(ins, state)
		if stop {
			return state, nil, false
		}
		state = next
		if flow.NoReturn(ins) {
			return state, nil, false // as in walkBlock
		}
		switch ins := ins.(type) {
		case *ssa.Return:
			w.Exit(ins, state)
			return state, nil, false
		case *ssa.Panic:
			return state, nil, false
		case *ssa.If:
			return state, a.t.followIfWith(ins, a.Call.Block(), w.Failed), true
		}
	}
	return state, b.Succs, true
}

// flagOnPaths reports the value a boolean condition has on every path
// from block from, when it is known: a flag set beside the acquisition
// ("opened = true" after the open, "false" where nothing was opened), so
// that "if opened { f.Close() }" closes on the acquisition's paths
// (nats-server's filestore.go syncFile). The flag is a phi of constants;
// only the edges of its block that a path from from can take count. Every
// path from from to the test enters the phi's block after from, unless
// that block dominates from (then the value may predate the acquisition).
func flagOnPaths(cond ssa.Value, from *ssa.BasicBlock) (value, known bool) {
	negated := false
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		cond, negated = u.X, true
	}
	phi, ok := cond.(*ssa.Phi)
	if !ok || from == nil || phi.Block().Dominates(from) {
		return false, false
	}
	for i, e := range phi.Edges {
		pred := phi.Block().Preds[i]
		if pred != from && !flow.Reaches(from, pred) {
			continue // set where no path from the acquisition passes
		}
		c, ok := e.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
			return false, false
		}
		b := constant.BoolVal(c.Value)
		if known && b != value {
			return false, false
		}
		value, known = b, true
	}
	return value != negated, known
}

// decidedAbove reports the value a boolean condition has on every path
// from block from, when an earlier test of the same SSA value decided it:
// from lies below one edge of an If on it (the file is created under "if
// toFile", and closed under a later "if toFile"). An SSA value never
// changes, so the later test takes the same edge, unless a path from from
// computes the value again (its definition inside a loop around from).
func decidedAbove(cond ssa.Value, from *ssa.BasicBlock) (value, known bool) {
	negated := false
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		cond, negated = u.X, true
	}
	if from == nil || cond.Referrers() == nil {
		return false, false
	}
	if def, ok := cond.(ssa.Instruction); ok && flow.Reaches(from, def.Block()) {
		return false, false
	}
	for _, r := range *cond.Referrers() {
		test, ok := r.(*ssa.If)
		if !ok {
			continue
		}
		for i, succ := range test.Block().Succs {
			if len(succ.Preds) == 1 && succ.Dominates(from) {
				return (i == 0) != negated, true
			}
		}
	}
	return false, false
}

// upgradeEdge returns the index of the successor of ins on which the
// tracked response's status is 101 Switching Protocols, or -1. After an
// upgrade the body is the connection itself, which the function goes on
// to use or hand to its caller (moby's hijack): that path owes no Close,
// while a refused upgrade still does.
func (t *tracker) upgradeEdge(ins *ssa.If) int {
	if t.kind != KindResponse {
		return -1
	}
	cmp, ok := ins.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return -1
	}
	if !(t.isStatusLoad(cmp.X) && isConstInt(cmp.Y, 101) || t.isStatusLoad(cmp.Y) && isConstInt(cmp.X, 101)) {
		return -1
	}
	if cmp.Op == token.EQL {
		return 0
	}
	return 1
}

// isStatusLoad reports whether v loads the tracked response's StatusCode.
func (t *tracker) isStatusLoad(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	return ok && t.aliases[fa.X] && typematch.FieldName(fa.X.Type(), fa.Field) == "StatusCode"
}

// isConstInt reports whether v is the integer constant n.
func isConstInt(v ssa.Value, n int64) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Int && c.Int64() == n
}

// TestsFailure reports whether ins tests whether the acquisition failed:
// its error against nil (in an if or a switch case), an error predicate on
// it (os.IsNotExist(err)), or the resource against nil. Code before such a
// test runs whether or not the acquisition succeeded.
func (a *Acquisition) TestsFailure(ins *ssa.If) bool {
	if a.t == nil {
		return false
	}
	if call, ok := ins.Cond.(*ssa.Call); ok {
		return a.t.impliesErr(call, func(v ssa.Value) bool { return a.t.errs[v] })
	}
	x := flow.NilCompared(ins.Cond)
	return x != nil && (a.t.errs[x] || a.t.aliases[x])
}

// storedOnly reports whether v is a load of a local variable whose every
// store reaching it stores a value pred accepts (a read's error kept in a
// named result the function's defers made a variable).
func storedOnly(v ssa.Value, pred func(ssa.Value) bool) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	stores, undefined := flow.ReachingStores(a, nil, u)
	if undefined || len(stores) == 0 {
		return false
	}
	for _, st := range stores {
		if !pred(st.Val) {
			return false
		}
	}
	return true
}
