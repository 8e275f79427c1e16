package sharedstate

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// access is one read or write of a struct field.
type access struct {
	fn    *locks.Func
	pos   token.Pos
	write bool
	obj   locks.Ref
	// guards are the mutex fields of the same object held at the access
	// ("mu"), and the globals held ("global:pkg.name").
	guards []string
	// classes are the classes of every lock held (see locks.Class),
	// whatever object it belongs to.
	classes []string
}

// fieldAccesses gathers a field's accesses after publication.
type fieldAccesses struct {
	key  varID
	name string // field name
	all  []access
	// writtenAfterInit reports a write outside constructors.
	writtenAfterInit bool
	// writers and readers are the functions writing and reading the
	// field after initialisation; replaced reports a write other than a
	// plain store of the whole field (m[k] = v, delete, s[i] = v).
	writers, readers map[*ssa.Function]bool
	replaced         bool
	// unsetOnly reports that every write stores only where a test just
	// found the field nil (if x.f != nil { return }; x.f = v).
	unsetOnly bool
}

// setOnce reports whether the field is set, after initialisation, by one
// function that stores it whole and never reads it: a value bound once
// (at a handshake, at registration) and only read afterwards, whose
// locked accesses are incidental. A field that is swapped (read and
// written by one function), lazily created (checked, then set), grown
// or set from several places stays a candidate.
func (fr *fieldAccesses) setOnce(started map[*ssa.Function]bool) bool {
	if fr.replaced || len(fr.writers) != 1 {
		return false
	}
	for fn := range fr.writers {
		// A setter the package starts as a goroutine runs beside
		// the readers by construction.
		if fr.readers[fn] && !fr.unsetOnly || started[fn] {
			return false
		}
	}
	return true
}

// goStarted returns the functions the package starts with a go statement.
func (c *checker) goStarted() map[*ssa.Function]bool {
	out := map[*ssa.Function]bool{}
	for _, f := range c.locks.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				if g, ok := ins.(*ssa.Go); ok {
					if fn := g.Call.StaticCallee(); fn != nil {
						out[fn] = true
					}
				}
			}
		}
	}
	return out
}

// unguardedFields reports, for each struct field whose accesses mostly
// hold a mutex of the same object (at least two of them, one a write),
// the accesses that do not hold it: RacerD's inference of the guard from
// how the code already uses its locks. Accesses before the value is
// published (on a value the function allocated), in fooLocked functions,
// in functions every caller in the package calls with the lock held, and
// to fields no one writes after construction are never reported. A
// +checklocks:mu annotation or a "mu guards x, y" comment declares the
// guard without the majority.
func (c *checker) unguardedFields(atomics map[varID]*atomicUse) {
	declared := declaredGuards(c.pass)
	entry := c.entryInfo()
	fields := map[varID]*fieldAccesses{}
	var order []varID
	for _, f := range c.locks.Funcs {
		if checklocksIgnored(c.locks, f.Fn) {
			continue // annotated +checklocksignore: its author has ruled
		}
		returned, created := returnedObjects(f.Fn), mutexesCreated(f.Fn)
		unknownCaller := f.Fn.Parent() != nil && !launchedByGo(f.Fn)
		f.Walk(func(ins ssa.Instruction, s *locks.State) {
			fa, write, ok := fieldAccess(ins)
			if !ok || !trackedField(fa) {
				return
			}
			key, ok := varIDOf(fa)
			if !ok {
				return
			}
			if _, atomic := atomics[key]; atomic {
				return
			}
			obj := locks.RefOf(fa.X)
			// Not yet shared: a value allocated here and not handed out,
			// one every caller passes so, a constructor's result, or an
			// object whose mutex this function creates.
			fresh := freshAt(fa, ins) || entry[f.Fn].isFresh(paramIndex(f.Fn, obj.Root)) || returned[obj.Root] || created[obj]
			fr := fields[key]
			if fr == nil {
				fr = &fieldAccesses{key: key, name: fieldNameOf(fa), writers: map[*ssa.Function]bool{}, readers: map[*ssa.Function]bool{}, unsetOnly: true}
				fields[key] = fr
				order = append(order, key)
			}
			if fresh {
				return
			}
			if write {
				fr.writtenAfterInit = true
				fr.writers[f.Fn] = true
				st, ok := ins.(*ssa.Store)
				if !ok || st.Addr != fa {
					fr.replaced = true
				}
				fr.unsetOnly = fr.unsetOnly && ok && whenNil(st, key)
			} else {
				fr.readers[f.Fn] = true
			}
			a := access{fn: f, pos: accessPos(fa, ins), write: write, obj: obj, guards: guardsAt(s, obj), classes: heldClasses(s)}
			a.guards = append(a.guards, entry[f.Fn].guardsFor(obj)...)
			if unknownCaller && len(a.guards) == 0 {
				// A closure handed to a helper (withLock(func(){...}))
				// may well run under the helper's lock.
				return
			}
			fr.all = append(fr.all, a)
		})
	}
	started := c.goStarted()
	for _, key := range order {
		c.checkField(fields[key], declared[key.leaf()], started)
	}
}

// checkField reports the unguarded accesses of one field.
func (c *checker) checkField(fr *fieldAccesses, declared string, started map[*ssa.Function]bool) {
	if !fr.writtenAfterInit || len(fr.all) == 0 {
		return
	}
	guard, held, heldWrite := majorityGuard(fr.all)
	if declared != "" {
		guard = declared
	} else if held < 2 || !heldWrite || held <= len(fr.all)-held {
		return
	}
	var example *access
	for i := range fr.all {
		if hasGuard(fr.all[i], guard) {
			example = &fr.all[i]
			break
		}
	}
	if example == nil {
		return
	}
	setOnce := declared == "" && fr.setOnce(started)
	reported := map[*ssa.Function]bool{}
	for _, a := range fr.all {
		if hasGuard(a, guard) || setOnce && !a.write || reported[a.fn.Fn] || c.otherLockExcludes(fr, a) || soleWriterRead(fr, a) || !a.pos.IsValid() || c.notes.ignoredAt(a.fn.Fn, a.pos) {
			continue
		}
		reported[a.fn.Fn] = true
		c.reportUnguarded(fr, a, guard, held, *example, evidenceOf(a, guard, declared != ""))
	}
}

func (c *checker) reportUnguarded(fr *fieldAccesses, a access, guard string, held int, example access, ev guardEvidence) {
	verb := "read"
	if a.write {
		verb = "written"
	}
	lock := guardName(a.obj, guard)
	why := fmt.Sprintf("%d of its %d accesses hold it, e.g. line %d in %s", held, len(fr.all), c.line(example.pos), example.fn.Fn.Name())
	switch ev {
	case declaredGuard:
		why = fmt.Sprintf("its declaration says %s guards it (held e.g. at line %d in %s)", strings.TrimPrefix(guard, "global:"), c.line(example.pos), example.fn.Fn.Name())
	case lockedElsewhere:
		why += fmt.Sprintf(", and %s itself takes %s, but not around this access", a.fn.Fn.Name(), lock)
	case exportedEntry:
		why += fmt.Sprintf(", and %s is exported: its callers need not hold it", a.fn.Fn.Name())
	}
	msg := fmt.Sprintf("%s.%s is %s without holding %s, but %s; hold %s here (or name the function ...Locked if its callers hold it)",
		a.obj.Name(), fr.name, verb, lock, why, lock)
	rule := RuleUnguardedField
	if ev == majorityOnly {
		rule = RuleUnguardedFieldInferred
	}
	c.pass.Report(c.pos.diagnostic(rule, a.pos, msg, c.related(example.pos, "accessed with the lock held here")))
}

// soleWriterRead reports whether a is a read in the one function that
// writes the field after initialisation: the writer reading its own
// writes back needs no lock against the other readers (reads do not
// conflict), only against other writers, and there are none. The lock
// around its writes is for the readers elsewhere (a connection's read loop
// that alone updates c.headers, reading it unlocked). An exported writer
// is left out: its callers may run it on two goroutines at once, and then
// one call's unlocked read races with the other's locked write.
func soleWriterRead(fr *fieldAccesses, a access) bool {
	if a.write || len(fr.writers) != 1 || !fr.writers[a.fn.Fn] {
		return false
	}
	return !token.IsExported(a.fn.Fn.Name())
}

// guardName renders a guard for a message, in the terms of the object.
func guardName(obj locks.Ref, guard string) string {
	if g, ok := strings.CutPrefix(guard, "global:"); ok {
		return g[strings.LastIndex(g, ".")+1:]
	}
	return obj.Name() + "." + guard
}

// otherLockExcludes reports whether a holds some lock (by class) that
// every conflicting access holds too (every write for a read, every
// access for a write): a field written only inside a transaction whose
// lock its unguarded reader also holds (Eraser's lockset, beside the
// majority guard).
func (c *checker) otherLockExcludes(fr *fieldAccesses, a access) bool {
	for _, cls := range a.classes {
		conflicts, all := 0, true
		for _, b := range fr.all {
			if b.pos == a.pos || !a.write && !b.write {
				continue
			}
			conflicts++
			if !slices.Contains(b.classes, cls) {
				all = false
				break
			}
		}
		if all && conflicts > 0 {
			return true
		}
	}
	return false
}

// heldClasses returns the classes of the locks held in s.
func heldClasses(s *locks.State) []string {
	var out []string
	for _, h := range s.Held() {
		if h.Class != "" {
			out = append(out, h.Class)
		}
	}
	return out
}

// majorityGuard returns the guard held at most accesses, how many, and
// whether one of them is a write.
func majorityGuard(all []access) (string, int, bool) {
	counts := map[string]int{}
	writes := map[string]bool{}
	for _, a := range all {
		seen := map[string]bool{}
		for _, g := range a.guards {
			if !seen[g] {
				seen[g] = true
				counts[g]++
				writes[g] = writes[g] || a.write
			}
		}
	}
	var names []string
	for g := range counts {
		names = append(names, g)
	}
	sort.Strings(names)
	best := ""
	for _, g := range names {
		if best == "" || counts[g] > counts[best] {
			best = g
		}
	}
	return best, counts[best], writes[best]
}

// hasGuard reports whether a holds guard.
func hasGuard(a access, guard string) bool {
	for _, g := range a.guards {
		if g == guard {
			return true
		}
	}
	return false
}

// guardsAt names the locks held in s that can guard obj's fields: its own
// mutex fields and globals.
func guardsAt(s *locks.State, obj locks.Ref) []string {
	var out []string
	for _, h := range s.Held() {
		if name, ok := fieldGuardName(h.Lock, obj); ok {
			out = append(out, name)
		}
	}
	return out
}

// fieldGuardName names l as a guard of obj's fields: one of obj's own
// mutex fields ("mu") or a global ("global:pkg.name").
func fieldGuardName(l locks.Lock, obj locks.Ref) (string, bool) {
	if isFieldOf(l, obj) {
		return strings.TrimSuffix(l.Path[len(obj.Path)+1:], "*"), true
	}
	if g, ok := l.Root.(*ssa.Global); ok && l.Path == "" {
		return "global:" + g.Pkg.Pkg.Path() + "." + g.Name(), true
	}
	return "", false
}

// fieldAccess recognises a read or write of a field.
func fieldAccess(ins ssa.Instruction) (*ssa.FieldAddr, bool, bool) {
	switch ins := ins.(type) {
	case *ssa.UnOp:
		if ins.Op == token.MUL {
			if fa, ok := ins.X.(*ssa.FieldAddr); ok {
				return fa, false, true
			}
		}
	case *ssa.Store:
		if fa, ok := ins.Addr.(*ssa.FieldAddr); ok {
			return fa, true, true
		}
		if ia, ok := ins.Addr.(*ssa.IndexAddr); ok {
			if fa := loadedField(ia.X); fa != nil {
				return fa, true, true
			}
		}
	case *ssa.MapUpdate:
		if fa := loadedField(ins.Map); fa != nil {
			return fa, true, true
		}
	case *ssa.Call:
		if b, ok := ins.Call.Value.(*ssa.Builtin); ok && b.Name() == "delete" && len(ins.Call.Args) == 2 {
			if fa := loadedField(ins.Call.Args[0]); fa != nil {
				return fa, true, true
			}
		}
	}
	return nil, false, false
}

// accessPos is where to report an access: the field selector.
func accessPos(fa *ssa.FieldAddr, ins ssa.Instruction) token.Pos {
	if fa.Pos().IsValid() {
		return fa.Pos()
	}
	return ins.Pos()
}

// trackedField reports whether fa's field can be guarded by a mutex: not
// a sync or sync/atomic value itself, not a channel (channels synchronise
// themselves) and not a func.
func trackedField(fa *ssa.FieldAddr) bool {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return false
	}
	t := s.Field(fa.Field).Type()
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() {
		case "sync", "sync/atomic":
			return false
		}
	}
	switch t.Underlying().(type) {
	case *types.Chan, *types.Signature:
		return false
	}
	return true
}

// expectsLockByName reports whether fn (or a function it is nested in)
// follows Go's ...Locked convention: its callers hold the lock. The
// convention is exact: the name ends in "Locked" with a capital L after a
// lower-case letter or digit (addLocked, setWriteErrLocked, flush2Locked),
// so isBlocked, unlocked or a bare Locked are not taken for it, and
// isLocked/IsLocked ask about the lock rather than run under it. The
// other spellings once accepted (fooWithLock, foo_locked, fooLockHeld) are
// not conventions: on the corpus WithLock names the variant that takes the
// lock itself (redis removeConnWithLock, nats resetElectWithLock).
func expectsLockByName(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if lockedName(f.Name()) {
			return true
		}
	}
	return false
}

// lockedName is the ...Locked convention on one identifier.
func lockedName(name string) bool {
	stem, ok := strings.CutSuffix(name, "Locked")
	if !ok || stem == "" || stem == "is" || stem == "Is" {
		return false
	}
	last := stem[len(stem)-1]
	return 'a' <= last && last <= 'z' || '0' <= last && last <= '9'
}

// paramIndex returns the index of v among fn's parameters, or -1.
func paramIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}

// launchedByGo reports whether the closure fn is only ever started as a
// goroutine (go func() {...}()): its caller is the runtime, holding no lock.
func launchedByGo(fn *ssa.Function) bool {
	parent := fn.Parent()
	found := false
	for _, b := range parent.Blocks {
		for _, ins := range b.Instrs {
			mc, ok := ins.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			for _, r := range *mc.Referrers() {
				g, ok := r.(*ssa.Go)
				if !ok || g.Call.Value != mc {
					return false
				}
				found = true
			}
		}
	}
	return found
}

// whenNil reports whether st runs only on the branch of a test that found
// its field (key) nil: an idempotent setup, which sets the field once.
func whenNil(st *ssa.Store, key varID) bool {
	for d := st.Block().Idom(); d != nil; d = d.Idom() {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cond.Op != token.EQL && cond.Op != token.NEQ || !nilTestOf(cond, key) {
			continue
		}
		nilSucc := d.Succs[0]
		if cond.Op == token.NEQ {
			nilSucc = d.Succs[1]
		}
		if len(nilSucc.Preds) == 1 && nilSucc.Dominates(st.Block()) {
			return true
		}
	}
	return false
}

// nilTestOf reports whether cond compares a load of the field key to nil.
func nilTestOf(cond *ssa.BinOp, key varID) bool {
	x, y := cond.X, cond.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
		return false
	}
	ld, ok := x.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	k, ok := varIDOf(fa)
	return ok && k == key
}
