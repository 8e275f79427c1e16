package sharedstate

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// capturedWrites reports a local variable shared between a goroutine
// closure and the function that starts it, written on one side and
// accessed on the other after the go statement with nothing in between
// that orders the two (a Wait, a channel receive, a select, a lock held
// on both sides).
func (c *checker) capturedWrites(f *locks.Func) {
	for _, b := range f.Fn.Blocks {
		for i, ins := range b.Instrs {
			g, mc := goroutineStart(ins)
			if mc == nil {
				continue
			}
			c.capturedByGo(f, g, b, i, mc)
			c.fieldSiblings(b, i, g, mc)
		}
	}
}

// goroutineStart returns ins and the closure it runs on a new goroutine:
// a go statement of a function literal, or a literal handed to
// sync.WaitGroup.Go or errgroup.Group.Go/TryGo, which start one.
func goroutineStart(ins ssa.Instruction) (ssa.CallInstruction, *ssa.MakeClosure) {
	switch ins := ins.(type) {
	case *ssa.Go:
		mc, _ := ins.Call.Value.(*ssa.MakeClosure)
		return ins, mc
	case *ssa.Call:
		callee := ins.Call.StaticCallee()
		if callee == nil || callee.Signature.Recv() == nil || len(ins.Call.Args) != 2 {
			return nil, nil
		}
		recv := callee.Signature.Recv().Type()
		starts := callee.Name() == "Go" && typematch.PointerTo(recv, "sync", "WaitGroup") ||
			(callee.Name() == "Go" || callee.Name() == "TryGo") && typematch.PointerTo(recv, "golang.org/x/sync/errgroup", "Group")
		if !starts {
			return nil, nil
		}
		mc, _ := ins.Call.Args[1].(*ssa.MakeClosure)
		return ins, mc
	}
	return nil, nil
}

// capturedByGo checks each variable the goroutine closure mc captures.
func (c *checker) capturedByGo(f *locks.Func, g ssa.CallInstruction, b *ssa.BasicBlock, idx int, mc *ssa.MakeClosure) {
	body := mc.Fn.(*ssa.Function)
	for i, bound := range mc.Bindings {
		alloc, ok := bound.(*ssa.Alloc)
		if !ok || !alloc.Heap || alloc.Parent() != f.Fn || i >= len(body.FreeVars) {
			continue
		}
		if c.isOldLoopVar(alloc.Pos()) {
			continue // shared by all iterations before Go 1.22: vet's loopclosure
		}
		if !plainVariable(alloc) || !onlyLoadsAndStores(alloc, true) {
			continue
		}
		fv := body.FreeVars[i]
		if !onlyLoadsAndStores(fv, false) {
			continue
		}
		inner := accessesOf(fv)
		if len(inner.writes) == 0 && len(inner.reads) == 0 {
			continue
		}
		if w, ok := c.siblingWrite(b, idx, g, body, alloc, inner); ok {
			c.reportSiblings(alloc.Comment, w, g)
		}
		outer := c.unorderedAfter(f.Fn, b, idx, alloc)
		c.reportCaptured(f, g, body, alloc, inner, outer)
	}
}

// siblingWrite returns a write of the goroutine that races with the same
// write of the goroutine's other instances: the go statement runs again
// (a loop) with no sync point in between and without a new instance of
// the variable, and the goroutine writes it holding no lock. A goroutine
// that waits on anything first (a token channel, a start signal) is left
// alone: the rule does not model what its wait orders.
func (c *checker) siblingWrite(b *ssa.BasicBlock, idx int, g ssa.CallInstruction, body *ssa.Function, alloc *ssa.Alloc, inner accesses) (ssa.Instruction, bool) {
	if len(inner.writes) == 0 || c.syncedInside(body) || !c.startsAgain(b, idx, g, alloc) {
		return nil, false
	}
	locked := heldAt(c.locks.Of(body))
	for _, w := range inner.writes {
		if !locked[w] {
			return w, true
		}
	}
	return nil, false
}

// startsAgain reports whether g (b.Instrs[idx]) can run again before any
// sync point and before alloc makes a new variable.
func (c *checker) startsAgain(b *ssa.BasicBlock, idx int, g ssa.CallInstruction, alloc *ssa.Alloc) bool {
	again := false
	c.walkUnordered(b, idx, func(ins ssa.Instruction) bool {
		if ins == g {
			again = true
		}
		return ins != alloc && !again
	})
	return again
}

// fieldSiblings reports the fields of one shared struct that every
// instance of a goroutine started again and again writes holding no lock:
// the struct is reached through a captured variable that holds the same
// pointer for all of them (a receiver, a variable made outside the loop
// and only read by the goroutine).
func (c *checker) fieldSiblings(b *ssa.BasicBlock, idx int, g ssa.CallInstruction, mc *ssa.MakeClosure) {
	body := mc.Fn.(*ssa.Function)
	if c.syncedInside(body) {
		return
	}
	var locked map[ssa.Instruction]bool
	for i, bound := range mc.Bindings {
		alloc, ok := bound.(*ssa.Alloc)
		if !ok || i >= len(body.FreeVars) || !c.startsAgain(b, idx, g, alloc) {
			continue
		}
		fv := body.FreeVars[i]
		if len(accessesOf(fv).writes) > 0 {
			continue // the goroutine repoints the variable: not one struct
		}
		for _, st := range fieldStoresThrough(fv) {
			if locked == nil {
				locked = heldAt(c.locks.Of(body))
			}
			if !locked[st.store] {
				c.reportSiblings(alloc.Comment+"."+st.path, st.store, g)
			}
		}
	}
}

// fieldStore is a store into a field of the struct a variable points to.
type fieldStore struct {
	store ssa.Instruction
	path  string // the field, as the source spells it: hits, stats.hits
}

// fieldStoresThrough returns the stores into fields of the struct that
// the variable at addr points to, one per field, in its function.
func fieldStoresThrough(addr ssa.Value) []fieldStore {
	var out []fieldStore
	seen := map[string]bool{}
	for _, r := range *addr.Referrers() {
		load, ok := r.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		for _, fa := range fieldAddrsOf(load, "") {
			for _, u := range *fa.addr.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == fa.addr && !seen[fa.path] && !locks.IsMutexType(st.Val.Type()) {
					seen[fa.path] = true
					out = append(out, fieldStore{store: st, path: fa.path})
				}
			}
		}
	}
	return out
}

type fieldAddr struct {
	addr *ssa.FieldAddr
	path string
}

// fieldAddrsOf returns the field addresses taken from ptr, through nested
// struct fields (s.a.b).
func fieldAddrsOf(ptr ssa.Value, prefix string) []fieldAddr {
	var out []fieldAddr
	for _, r := range *ptr.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != ptr {
			continue
		}
		path := prefix + fieldNameOf(fa)
		out = append(out, fieldAddr{addr: fa, path: path})
		out = append(out, fieldAddrsOf(fa, path+".")...)
	}
	return out
}

// reportSiblings reports a variable every instance of a goroutine writes.
func (c *checker) reportSiblings(name string, w ssa.Instruction, g ssa.CallInstruction) {
	pos := instrPos(w)
	if !pos.IsValid() {
		return
	}
	msg := fmt.Sprintf("%s is written by every goroutine started at line %d in this loop, with no lock: the goroutines race with each other (lost updates, a torn value); give each goroutine its own variable or result slot, or guard %s with a mutex or sync/atomic",
		name, c.line(g.Pos()), name)
	c.pass.Report(c.pos.diagnostic(RuleCapturedWrite, pos, msg))
}

// isOldLoopVar reports whether pos declares a for or range variable in a
// file whose Go version predates per-iteration loop variables.
func (c *checker) isOldLoopVar(pos token.Pos) bool {
	if c.oldLoopVars == nil {
		c.oldLoopVars = map[token.Pos]bool{}
		for _, file := range c.pass.Files {
			v := c.pass.TypesInfo.FileVersions[file]
			if v == "" || version.Compare(v, "go1.22") >= 0 {
				continue
			}
			ast.Inspect(file, func(n ast.Node) bool {
				c.recordLoopVars(n)
				return true
			})
		}
	}
	return c.oldLoopVars[pos]
}

// recordLoopVars notes the variables a for or range statement declares.
func (c *checker) recordLoopVars(n ast.Node) {
	var idents []ast.Expr
	switch n := n.(type) {
	case *ast.ForStmt:
		if as, ok := n.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			idents = as.Lhs
		}
	case *ast.RangeStmt:
		if n.Tok == token.DEFINE {
			idents = []ast.Expr{n.Key, n.Value}
		}
	}
	for _, e := range idents {
		if id, ok := e.(*ast.Ident); ok {
			c.oldLoopVars[id.Pos()] = true
		}
	}
}

// accesses are the loads and stores of one variable.
type accesses struct {
	reads  []ssa.Instruction
	writes []ssa.Instruction
	all    []ssa.Instruction // in the order found
}

// reportCaptured reports the first conflicting pair, if any: a goroutine
// write against any spawner access, or a goroutine read against a
// spawner write.
func (c *checker) reportCaptured(f *locks.Func, g ssa.CallInstruction, body *ssa.Function, alloc *ssa.Alloc, inner, outer accesses) {
	if c.syncedInside(body) && spawnerSignals(f.Fn) {
		return // the goroutine waits for the spawner before touching it
	}
	name := alloc.Comment
	if len(inner.writes) > 0 {
		if w, a, ok := c.unlockedPair(f, body, inner.writes, outer.all); ok {
			c.reportPair(name, "written", w, "accessed", a, g)
			return
		}
	}
	if len(inner.reads) > 0 {
		if r, w, ok := c.unlockedPair(f, body, inner.reads, outer.writes); ok {
			c.reportPair(name, "read", r, "written", w, g)
		}
	}
}

// reportPair emits the diagnostic at the spawner's access.
func (c *checker) reportPair(name, innerVerb string, in ssa.Instruction, outerVerb string, out ssa.Instruction, g ssa.CallInstruction) {
	inPos, outPos := instrPos(in), instrPos(out)
	if !inPos.IsValid() || !outPos.IsValid() {
		return
	}
	msg := fmt.Sprintf("%s is %s by the goroutine started at line %d (line %d) and %s here by the spawning function with no Wait, channel receive or shared lock in between: a data race; wait for the goroutine (sync.WaitGroup, a channel) before touching %s, or hand the value over on a channel",
		name, innerVerb, c.line(g.Pos()), c.line(inPos), outerVerb, name)
	c.pass.Report(c.pos.diagnostic(RuleCapturedWrite, outPos, msg, c.related(inPos, "goroutine access")))
}

// unlockedPair returns the first pair (goroutine access, spawner access)
// that does not hold a lock on both sides.
func (c *checker) unlockedPair(f *locks.Func, body *ssa.Function, inner, outer []ssa.Instruction) (ssa.Instruction, ssa.Instruction, bool) {
	if len(inner) == 0 || len(outer) == 0 {
		return nil, nil, false
	}
	innerLocked := heldAt(c.locks.Of(body))
	outerLocked := heldAt(f)
	for _, o := range outer {
		for _, i := range inner {
			if innerLocked[i] && outerLocked[o] {
				continue
			}
			return i, o, true
		}
	}
	return nil, nil, false
}

// heldAt maps each instruction of f to whether some lock is held there.
// Instructions the engine did not analyse count as locked (silence).
func heldAt(f *locks.Func) map[ssa.Instruction]bool {
	out := map[ssa.Instruction]bool{}
	if f == nil {
		return out
	}
	seen := false
	f.Walk(func(ins ssa.Instruction, s *locks.State) {
		seen = true
		out[ins] = len(s.Held()) > 0
	})
	if !seen {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				out[ins] = true
			}
		}
	}
	return out
}

// plainVariable excludes variables whose type is itself a synchronisation
// device or a container written through its address.
func plainVariable(a *ssa.Alloc) bool {
	t := a.Type().(*types.Pointer).Elem()
	switch t.Underlying().(type) {
	case *types.Chan, *types.Struct, *types.Array:
		return false
	}
	return !locks.IsMutexType(t)
}

// onlyLoadsAndStores reports whether v (a variable's address) is only
// loaded and stored: any other use (its address passed on, a field or
// element taken) may write it out of sight, so the rule stays silent.
// Closure bindings are allowed for the spawner's variable.
func onlyLoadsAndStores(v ssa.Value, allowClosures bool) bool {
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if r.Val == v {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !allowClosures {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// accessesOf collects the loads and stores of v.
func accessesOf(v ssa.Value) accesses {
	var out accesses
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			out.reads = append(out.reads, r)
		case *ssa.Store:
			out.writes = append(out.writes, r)
		}
	}
	return out
}

// unorderedAfter returns the accesses of alloc in fn reachable from the
// instruction after b.Instrs[idx] without crossing a sync point or a new
// instance of the variable (its Alloc again, in a loop).
func (c *checker) unorderedAfter(fn *ssa.Function, b *ssa.BasicBlock, idx int, alloc *ssa.Alloc) accesses {
	var out accesses
	c.walkUnordered(b, idx, func(ins ssa.Instruction) bool {
		if ins == alloc {
			return false
		}
		switch ins := ins.(type) {
		case *ssa.UnOp:
			if ins.Op == token.MUL && ins.X == alloc {
				out.reads = append(out.reads, ins)
				out.all = append(out.all, ins)
			}
		case *ssa.Store:
			if ins.Addr == alloc {
				out.writes = append(out.writes, ins)
				out.all = append(out.all, ins)
			}
		}
		return true
	})
	return out
}

// walkUnordered calls visit on the instructions reachable from the one
// after b.Instrs[idx] (in its function) that no sync point orders after
// it; visit returns false to stop the path.
func (c *checker) walkUnordered(b *ssa.BasicBlock, idx int, visit func(ssa.Instruction) bool) {
	memo := map[*ssa.Function]bool{}
	flow.Explore(flow.At{B: b, I: idx + 1}, func(a flow.At) ([]flow.At, bool) {
		for _, ins := range a.B.Instrs[a.I:] {
			if c.isSyncPoint(ins, memo, 0) || !visit(ins) {
				return nil, false
			}
		}
		// In reverse, so that the first successor is walked first: the
		// order of a recursive walk, which visit sees.
		next := flow.AtSuccs(a.B)
		slices.Reverse(next)
		return next, false
	})
}

// isSyncPoint reports whether ins may order the goroutine's accesses
// before what follows: a channel receive, a select, a Wait method (sync.
// WaitGroup, errgroup.Group, sync.Cond, exec.Cmd), sync.Once.Do, a call
// handed a channel or a WaitGroup, or a call of the package's own
// function that does one of these.
func (c *checker) isSyncPoint(ins ssa.Instruction, memo map[*ssa.Function]bool, depth int) bool {
	switch ins := ins.(type) {
	case *ssa.UnOp:
		return ins.Op == token.ARROW
	case *ssa.Select:
		return true
	case ssa.CallInstruction:
		if _, isGo := ins.(*ssa.Go); isGo {
			return false
		}
		return c.isSyncCall(ins.Common(), memo, depth)
	}
	return false
}

// isSyncCall reports whether a call may wait for another goroutine.
func (c *checker) isSyncCall(call *ssa.CallCommon, memo map[*ssa.Function]bool, depth int) bool {
	if _, ok := call.Value.(*ssa.Builtin); ok {
		return false
	}
	if call.IsInvoke() {
		return strings.Contains(call.Method.Name(), "Wait")
	}
	callee := call.StaticCallee()
	args := call.Args
	if callee != nil && callee.Signature.Recv() != nil && len(args) > 0 {
		args = args[1:] // wg.Done() is handed wg but does not wait
	}
	for _, a := range args {
		if synchronising(a.Type()) {
			return true
		}
	}
	if callee == nil {
		return false
	}
	// Wait, errgroup's Wait, StopAndWait, WaitForDone...: another
	// package's waiting helper cannot be looked into, its name says it.
	if strings.Contains(callee.Name(), "Wait") || callee.Name() == "Do" && callee.Signature.Recv() != nil {
		return true
	}
	if callee.Pkg != c.pkgSSA() || depth > 3 {
		return false
	}
	if v, ok := memo[callee]; ok {
		return v
	}
	memo[callee] = false
	found := false
	for _, b := range callee.Blocks {
		for _, ins := range b.Instrs {
			if c.isSyncPoint(ins, memo, depth+1) {
				found = true
			}
		}
	}
	memo[callee] = found
	return found
}

// pkgSSA is the package's SSA package.
func (c *checker) pkgSSA() *ssa.Package {
	if len(c.locks.Funcs) == 0 {
		return nil
	}
	return c.locks.Funcs[0].Fn.Pkg
}

// synchronising reports whether a value of type t handed to a call lets
// the callee wait for another goroutine.
func synchronising(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Chan); ok {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "sync.WaitGroup", "sync.Cond", "sync.Once", "golang.org/x/sync/errgroup.Group":
		return true
	}
	return false
}

// syncedInside reports whether the goroutine waits on something itself (a
// receive, a select, a Wait): the spawner may release it after touching
// the variable.
func (c *checker) syncedInside(body *ssa.Function) bool {
	memo := map[*ssa.Function]bool{}
	for _, b := range body.Blocks {
		for _, ins := range b.Instrs {
			if c.isSyncPoint(ins, memo, 0) {
				return true
			}
		}
	}
	return false
}

// spawnerSignals reports whether fn sends on, or closes, a channel, or
// calls Done/Unlock/Signal/Broadcast: a way to release a waiting goroutine.
func spawnerSignals(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Send:
				return true
			case ssa.CallInstruction:
				call := ins.Common()
				if bi, ok := call.Value.(*ssa.Builtin); ok && bi.Name() == "close" {
					return true
				}
				if callee := call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
					switch callee.Name() {
					case "Done", "Unlock", "Signal", "Broadcast", "Add":
						return true
					}
				}
			}
		}
	}
	return false
}

// instrPos returns a position for ins: its own, or the first use's for a
// load that carries none.
func instrPos(ins ssa.Instruction) token.Pos {
	if p := ins.Pos(); p.IsValid() {
		return p
	}
	if v, ok := ins.(ssa.Value); ok && v.Referrers() != nil {
		for _, r := range *v.Referrers() {
			if p := r.Pos(); p.IsValid() {
				return p
			}
		}
	}
	return token.NoPos
}
