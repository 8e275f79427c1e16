package sharedstate

import (
	"cmp"
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
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
	// atAll and atWrites are the mutexes of the variable's object held
	// at every atomic access, and at every atomic write.
	atAll, atWrites guardSet
}

// guardSet names the mutexes held at every one of a set of sites (see
// objectGuards), each mapped to whether every site holds it exclusively.
// nil before the first site.
type guardSet map[string]bool

// meet keeps the guards held at the new site too.
func (g guardSet) meet(site map[string]locks.Mode) guardSet {
	if g == nil {
		g = guardSet{}
		for name, m := range site {
			g[name] = m == locks.Write
		}
		return g
	}
	for name, excl := range g {
		m, ok := site[name]
		if !ok {
			delete(g, name)
		} else {
			g[name] = excl && m == locks.Write
		}
	}
	return g
}

// excludes reports whether a site holding site's locks can never run
// alongside the sites of g: some mutex is held by all of them, and
// exclusively by one side.
func (g guardSet) excludes(site map[string]locks.Mode) bool {
	for name, excl := range g {
		if m, ok := site[name]; ok && (excl || m == locks.Write) {
			return true
		}
	}
	return false
}

// plainAccess is a plain load or store of an atomically accessed variable.
type plainAccess struct {
	pos         token.Pos
	addr        ssa.Value
	use         *atomicUse
	read, write bool
}

// mixedAtomics reports a plain load or store of a field (or global) that
// other code accesses with sync/atomic functions: the plain access races
// with the atomic ones. Initialisation of a value the function just
// allocated (a constructor) is not an access anyone else can see yet, nor
// is an access after a WaitGroup.Wait, nor a plain read by a function
// that is itself an atomic writer (the single-writer pattern), nor an
// access under the write lock of a mutex every atomic access holds. The
// atomic.Int64-style types cannot be accessed plainly, so they are out of
// scope.
func (c *checker) mixedAtomics(atomics map[varID]*atomicUse) {
	if len(atomics) == 0 {
		return
	}
	for _, f := range c.locks.Funcs {
		if f.Fn.Name() == "init" && f.Fn.Parent() == nil {
			continue
		}
		var found []*plainAccess
		at := map[token.Pos]*plainAccess{}
		f.Walk(func(ins ssa.Instruction, s *locks.State) {
			a := c.plainAccess(f.Fn, ins, s, atomics)
			if a == nil {
				return
			}
			// x += n loads and stores at one position: one finding.
			if prev := at[a.pos]; prev != nil && prev.use == a.use {
				prev.read, prev.write = prev.read || a.read, prev.write || a.write
				return
			}
			at[a.pos] = a
			found = append(found, a)
		})
		for _, a := range found {
			c.reportMixed(a)
		}
	}
}

// atomicUses indexes the fields and globals of shared objects accessed
// with sync/atomic functions, with the locks held at every such access.
func (c *checker) atomicUses() map[varID]*atomicUse {
	atomics := map[varID]*atomicUse{}
	for _, f := range c.locks.Funcs {
		f.Walk(func(ins ssa.Instruction, s *locks.State) {
			call, ok := ins.(*ssa.Call)
			if !ok {
				return
			}
			name, ok := atomicFunc(call.Common())
			if !ok || len(call.Call.Args) == 0 || !sharedAddr(call.Call.Args[0]) {
				return
			}
			addr := call.Call.Args[0]
			key, ok := varIDOf(addr)
			if !ok {
				return
			}
			held := c.objectGuards(f.Fn, addr, s)
			use := atomics[key]
			if use == nil {
				use = &atomicUse{call: call, fn: name, writers: map[*ssa.Function]bool{}}
				atomics[key] = use
			}
			use.atAll = use.atAll.meet(held)
			if !strings.HasPrefix(name, "Load") {
				use.written = true
				use.writers[f.Fn] = true
				use.atWrites = use.atWrites.meet(held)
			}
		})
	}
	return atomics
}

// objectGuards names the mutexes held in s that belong to the object
// whose variable addr is, with the mode held: fields of that object ("mu",
// "stats.Mutex", from the object the chain of inline fields starts at),
// mutexes of the objects on the pointer path to it ("mu@.stats*": c.mu
// for c.stats.hits), and globals. Locks every caller holds on entry count
// too, as read locks (their mode is not known).
func (c *checker) objectGuards(fn *ssa.Function, addr ssa.Value, s *locks.State) map[string]locks.Mode {
	obj := locks.Ref{}
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		obj = locks.RefOf(outermost(fa).X)
	}
	out := map[string]locks.Mode{}
	add := func(l locks.Lock, m locks.Mode) {
		name, ok := guardOf(l, obj)
		if ok && out[name] != locks.Write {
			out[name] = m
		}
	}
	for _, h := range s.Held() {
		add(h.Lock, h.Mode)
	}
	for _, l := range c.entryInfo()[fn].heldLocks() {
		add(l, locks.Read)
	}
	return out
}

// guardOf names lock l in terms of obj, the object a variable belongs to
// (see objectGuards); false if l is not obj's, an ancestor's or a global.
func guardOf(l locks.Lock, obj locks.Ref) (string, bool) {
	if g, ok := l.Root.(*ssa.Global); ok && l.Path == "" {
		return "global:" + g.Pkg.Pkg.Path() + "." + g.Name(), true
	}
	if obj.Root == nil || l.Root != obj.Root || l.Index != obj.Index {
		return "", false
	}
	if rest, ok := strings.CutPrefix(l.Path, obj.Path+"."); ok {
		rest = strings.TrimSuffix(rest, "*")
		return rest, !strings.Contains(rest, "*")
	}
	// A mutex of an object on the path to obj: c.mu for c.stats*.
	dir := l.Path[:strings.LastIndex(l.Path, ".")+1]
	if strings.HasPrefix(obj.Path, dir) && !strings.Contains(strings.TrimSuffix(l.Path[len(dir):], "*"), "*") {
		return l.Path + "@" + obj.Path, true
	}
	return "", false
}

// outermost returns the first of a chain of inline field selections
// (s.stats.inMsgs: s.stats).
func outermost(fa *ssa.FieldAddr) *ssa.FieldAddr {
	for {
		inner, ok := fa.X.(*ssa.FieldAddr)
		if !ok {
			return fa
		}
		fa = inner
	}
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

// plainAccess returns ins as a plain access of an atomically accessed
// variable that may overlap an atomic one, or nil.
func (c *checker) plainAccess(fn *ssa.Function, ins ssa.Instruction, s *locks.State, atomics map[varID]*atomicUse) *plainAccess {
	var addr ssa.Value
	read := true
	switch ins := ins.(type) {
	case *ssa.UnOp:
		if ins.Op != token.MUL {
			return nil
		}
		addr = ins.X
	case *ssa.Store:
		addr, read = ins.Addr, false
	default:
		return nil
	}
	key, ok := varIDOf(addr)
	if !ok {
		return nil
	}
	use, ok := atomics[key]
	if !ok || !sharedAddr(addr) || freshAt(addr, ins) || afterWait(ins) || c.notes.ignoredAt(fn, ins.Pos()) || c.testOnly(fn) {
		return nil
	}
	if read && (!use.written || use.writers[fn]) {
		return nil
	}
	// A mutex held by this access and every atomic one it conflicts with
	// (all of them for a write, the writes for a read), exclusively on one
	// side, keeps them apart.
	others := use.atAll
	if read {
		others = use.atWrites
	}
	if others.excludes(c.objectGuards(fn, addr, s)) {
		return nil
	}
	pos := ins.Pos()
	if _, ok := addr.(*ssa.FieldAddr); ok && addr.Pos().IsValid() {
		pos = addr.Pos()
	}
	if !pos.IsValid() {
		return nil
	}
	return &plainAccess{pos: pos, addr: addr, use: use, read: read, write: !read}
}

// reportMixed reports one plain access.
func (c *checker) reportMixed(a *plainAccess) {
	verb := "read"
	switch {
	case a.read && a.write:
		verb = "read and written"
	case a.write:
		verb = "written"
	}
	use := a.use
	msg := fmt.Sprintf("%s is %s plainly here but accessed with atomic.%s at line %d, so this access races with the atomic ones; use the sync/atomic functions everywhere (or an atomic type such as atomic.Int64)",
		displayVar(a.addr), verb, use.fn, c.line(use.call.Pos()))
	c.pass.Report(c.pos.diagnostic(RuleMixedAtomic, a.pos, msg, c.related(use.call.Pos(), "atomic access here")))
}

// atomicFunc returns the name of the sync/atomic function c calls.
func atomicFunc(c *ssa.CallCommon) (string, bool) {
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync/atomic" || fn.Signature.Recv() != nil {
		return "", false
	}
	return fn.Name(), true
}

// fieldNameOf returns the name of the field fa selects ("?" if unknown).
func fieldNameOf(fa *ssa.FieldAddr) string {
	return cmp.Or(typematch.FieldName(fa.X.Type(), fa.Field), "?")
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
