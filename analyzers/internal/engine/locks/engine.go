package locks

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// Func is the lock state of one function.
type Func struct {
	Fn *ssa.Function
	// Summary is the function's contract (never nil once computed).
	Summary *Summary
	// Assumed are the locks the function is taken to be entered with (it
	// unlocks them without locking them).
	Assumed []Held
	// Annotated are the locks its annotations say it is entered with.
	Annotated []Held
	// Acquisitions are the blocking and try acquisitions, direct or
	// through a callee, in block order.
	Acquisitions []Acquisition
	// Exits are the reachable returns with what they leave held.
	Exits []Exit
	// Releases are the direct Unlock/RUnlock calls.
	Releases []Release
	// Retakes are the calls of a function whose summary retakes a lock
	// (see Summary.Retakes), as acquisitions of it at the call; they are
	// not among Acquisitions, since the caller's own hold on the lock is
	// dropped first.
	Retakes []Acquisition
	// Calls are the static calls of the package's own functions, with the
	// locks held at each.
	Calls []Call

	entry map[*ssa.BasicBlock]*State
	eng   *engine
}

// Acquisition is a lock acquired at Call, directly or through Via.
type Acquisition struct {
	Call  ssa.CallInstruction
	Lock  Lock
	Mode  Mode
	Class string
	// Via is the callee that acquires it (nil for a direct Lock call);
	// Transient reports that the callee releases it again before returning.
	Via       *ssa.Function
	Transient bool
	Try       bool
	// Through describes the dynamic call (an interface method, a function
	// in a field or parameter) Via was resolved from; empty for a static
	// call.
	Through string
	// Before is what was held just before the call.
	Before []Held
	// Deferred reports that an earlier defer, on every path here, already
	// releases the lock at every exit: this is a retake after a temporary
	// unlock, and no return can leave it held.
	Deferred bool
	// Callback is 1 + the index of the function's func parameter whose
	// call takes the lock (directly, or through a callee that calls it);
	// 0 otherwise.
	Callback int
}

// Exit is a return and the locks it leaves held (deferred releases done).
type Exit struct {
	Ret  *ssa.Return
	Held []Held
}

// Release is an Unlock or RUnlock call; WasHeld reports whether the lock
// was held on every path to it.
type Release struct {
	Call    ssa.CallInstruction
	Lock    Lock
	WasHeld bool
}

// Call is a static call of a function of the package.
type Call struct {
	Call   ssa.CallInstruction
	Callee *ssa.Function
	Held   []Held
}

// engine carries what the per-function analyses share.
type engine struct {
	prog    *ssa.Program
	globals map[string]*ssa.Global
	local   map[*ssa.Function]*Func
	imports func(fn *ssa.Function) *Summary
	dyn     *resolver
	an      *annotations
}

// maxBlocks bounds the functions analysed; larger ones are skipped.
const maxBlocks = 3000

// analyse computes f's lock state and summary; callees must be done first
// (recursion sees no summary).
func (f *Func) analyse() {
	f.Summary = &Summary{}
	defer f.eng.annotate(f.Fn, f.Summary)
	if len(f.Fn.Blocks) == 0 || len(f.Fn.Blocks) > maxBlocks {
		return
	}
	// The locks an annotation says the callers hold are held on entry.
	f.Annotated = f.eng.entryHeld(f.Fn)
	assumed := f.solveAndCollect(f.start(nil), nil)
	// A function that unlocks a shared lock it has not locked is taken to
	// be entered with it held (fooAndUnlock, sync.Cond.Wait), unless that
	// contradicts its body: locking it again while still held from entry
	// means the unlock was under a condition (if x { Lock }; if x { Unlock }).
	for range 3 {
		if len(assumed) == 0 {
			break
		}
		f.Assumed = assumed
		f.solveAndCollect(f.start(assumed), assumed)
		kept := assumed[:0:0]
		for _, h := range assumed {
			if !f.relocksAssumed(h.Lock) {
				kept = append(kept, h)
			}
		}
		if len(kept) == len(assumed) {
			break
		}
		assumed = kept
		f.Assumed = nil
		if len(assumed) == 0 {
			f.solveAndCollect(f.start(nil), nil)
		}
	}
	f.summarise()
}

// start is the entry state: the annotated preconditions and assumed.
func (f *Func) start(assumed []Held) *State {
	return &State{held: append(slices.Clone(f.Annotated), assumed...)}
}

// solveAndCollect runs the analysis from entry and collects the events.
// It returns the unlocks of shared locks the function never locks.
func (f *Func) solveAndCollect(entry *State, assumed []Held) []Held {
	f.solve(entry)
	f.Acquisitions, f.Exits, f.Calls, f.Releases, f.Retakes = nil, nil, nil, nil, nil
	var unlocks []Held
	c := &collector{f: f, unlocks: &unlocks}
	f.Walk(c.visit)
	var out []Held
	seen := map[Lock]bool{}
	for _, h := range assumed {
		seen[h.Lock] = true
	}
	for _, h := range unlocks {
		if h.Lock.Shared() && !seen[h.Lock] {
			seen[h.Lock] = true
			out = append(out, h)
		}
	}
	return out
}

// relocksAssumed reports whether f locks l (directly, blocking) while l
// is still held from entry.
func (f *Func) relocksAssumed(l Lock) bool {
	for _, acq := range f.Acquisitions {
		if acq.Lock != l || acq.Try {
			continue
		}
		for _, h := range acq.Before {
			if h.Lock == l && h.Site == nil {
				return true
			}
		}
	}
	return false
}

// collector records the events of a final walk.
type collector struct {
	f       *Func
	unlocks *[]Held
}

func (c *collector) visit(ins ssa.Instruction, s *State) {
	f := c.f
	switch ins := ins.(type) {
	case *ssa.Return:
		f.Exits = append(f.Exits, Exit{Ret: ins, Held: s.effective()})
	case *ssa.Call:
		call := ins.Common()
		if o := mutexOp(call); o.kind != opNone {
			l := RefOf(o.mu)
			switch o.kind {
			case opLock, opTryLock:
				f.Acquisitions = append(f.Acquisitions, Acquisition{Call: ins, Lock: l, Mode: o.mode, Class: Class(o.mu), Try: o.kind == opTryLock, Before: slices.Clone(s.held), Deferred: s.Deferred(l)})
			case opUnlock:
				_, held := s.Holds(l)
				if !held {
					*c.unlocks = append(*c.unlocks, Held{Lock: l, Mode: o.mode})
				}
				f.Releases = append(f.Releases, Release{Call: ins, Lock: l, WasHeld: held})
			}
			return
		}
		callee := call.StaticCallee()
		if callee == nil {
			c.dynamic(ins, call, s)
			return
		}
		if _, ok := f.eng.local[callee]; ok {
			f.Calls = append(f.Calls, Call{Call: ins, Callee: callee, Held: slices.Clone(s.held)})
		}
		sum := f.eng.summary(callee)
		if sum == nil {
			return
		}
		for _, a := range sum.Locks {
			cb, ok := f.eng.callbackAt(f.Fn, a, call)
			if !ok {
				continue // the function passed for the callback takes no lock
			}
			if l, ok := f.eng.concreteAt(a, call); ok {
				f.Acquisitions = append(f.Acquisitions, Acquisition{Call: ins, Lock: l, Mode: a.Mode, Class: classAt(a, call), Via: callee, Transient: !contains(sum.Acquires, a), Before: slices.Clone(s.held), Deferred: s.Deferred(l), Callback: cb})
			}
		}
		for _, a := range sum.Retakes {
			if l, ok := f.eng.concreteAt(a, call); ok {
				f.Retakes = append(f.Retakes, Acquisition{Call: ins, Lock: l, Mode: a.Mode, Class: classAt(a, call), Via: callee, Transient: true, Before: slices.Clone(s.held)})
			}
		}
	}
}

// dynamic records the locks the functions a dynamic call may run take
// (see resolver), as transient acquisitions at the call.
func (c *collector) dynamic(ins *ssa.Call, call *ssa.CallCommon, s *State) {
	f := c.f
	if f.eng.dyn == nil {
		return
	}
	for _, t := range f.eng.dyn.targets(call) {
		sum := f.eng.summary(t.fn)
		if sum == nil {
			continue
		}
		via := t.fn
		if m := boundMethod(f.eng.prog, via); m != nil {
			via = m // named as the method in messages
		}
		cb := paramIndex(f.Fn, unwrapFunc(call.Value)) + 1
		for _, a := range sum.Locks {
			if l, ok := f.eng.concreteTarget(a, t); ok {
				f.Acquisitions = append(f.Acquisitions, Acquisition{Call: ins, Lock: l, Mode: a.Mode, Class: a.Class, Via: via, Transient: true, Through: t.through, Before: slices.Clone(s.held), Deferred: s.Deferred(l), Callback: cb})
			}
		}
	}
}

// callbackAt decides whether a, a lock the callee takes through its func
// parameter a.Callback-1, is taken at call. It is not when the call
// passes a function of this package (or a method value of one) that takes
// no lock of a's class: the lock came from another call site's callback.
// It returns the caller's own func parameter the argument is (1-based),
// when the lock comes through it.
func (e *engine) callbackAt(caller *ssa.Function, a AbsLock, call *ssa.CallCommon) (int, bool) {
	if a.Callback == 0 || a.Callback > len(call.Args) {
		return 0, true
	}
	arg := unwrapFunc(call.Args[a.Callback-1])
	if p := paramIndex(caller, arg); p >= 0 {
		return p + 1, true
	}
	var fn *ssa.Function
	switch v := arg.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	}
	if fn == nil {
		return 0, true
	}
	if m := boundMethod(e.prog, fn); m != nil {
		fn = m
	} else if m := thunkMethod(e.prog, fn); m != nil {
		fn = m
	}
	f, mine := e.local[fn]
	if !mine || f == nil { // another package's, or not summarised yet
		return 0, true
	}
	return 0, takesClass(f.Summary, a.Class)
}

// takesClass reports whether sum may take a lock of class (any lock when
// class or one of the summary's classes is unknown).
func takesClass(sum *Summary, class string) bool {
	for _, x := range slices.Concat(sum.Locks, sum.Acquires) {
		if class == "" || x.Class == "" || x.Class == class {
			return true
		}
	}
	return false
}

// contains reports whether ls holds a.
func contains(ls []AbsLock, a AbsLock) bool {
	for _, x := range ls {
		if x == a {
			return true
		}
	}
	return false
}

// classAt is the class of the lock a callee acquires at call.
func classAt(a AbsLock, _ *ssa.CallCommon) string { return a.Class }

// concreteAt maps a callee's lock to the caller at call.
func (e *engine) concreteAt(a AbsLock, call *ssa.CallCommon) (Lock, bool) {
	var bindings []ssa.Value
	if mc, ok := call.Value.(*ssa.MakeClosure); ok {
		bindings = mc.Bindings
	}
	return concrete(e.global, a, call.Args, bindings)
}

// summary returns callee's summary: computed here for the package's own
// functions, imported as a fact for others; nil when unknown.
func (e *engine) summary(callee *ssa.Function) *Summary {
	if m := boundMethod(e.prog, callee); m != nil {
		return e.boundSummary(callee, m)
	}
	if m := thunkMethod(e.prog, callee); m != nil {
		callee = m // same parameters, the receiver first
	}
	if f, ok := e.local[callee]; ok {
		if f == nil { // recursion: not summarised yet
			return nil
		}
		return f.Summary
	}
	return e.imports(callee)
}

// solve computes the state at the entry of every reachable block.
func (f *Func) solve(entry *State) {
	f.entry = map[*ssa.BasicBlock]*State{f.Fn.Blocks[0]: entry}
	work := []*ssa.BasicBlock{f.Fn.Blocks[0]}
	queued := map[*ssa.BasicBlock]bool{f.Fn.Blocks[0]: true}
	for steps := 0; len(work) > 0 && steps < 20*len(f.Fn.Blocks)+100; steps++ {
		b := work[0]
		work = work[1:]
		queued[b] = false
		s := f.entry[b].clone()
		if !f.block(b, s, nil) {
			continue
		}
		for i, succ := range b.Succs {
			out := f.edge(b, i, s)
			old := f.entry[succ]
			var next *State
			if old != nil {
				next = meet(old, out)
				if equal(next, old) {
					continue
				}
			} else {
				next = out.clone()
			}
			f.entry[succ] = next
			if !queued[succ] {
				queued[succ] = true
				work = append(work, succ)
			}
		}
	}
}

// Walk calls visit for every instruction of every reachable block, with
// the state just before it.
func (f *Func) Walk(visit func(ins ssa.Instruction, s *State)) {
	for _, b := range f.Fn.Blocks {
		if in := f.entry[b]; in != nil {
			f.block(b, in.clone(), visit)
		}
	}
}

// edge returns the state along b's i-th successor edge: a TryLock that
// succeeded holds its lock on the true edge only.
func (f *Func) edge(b *ssa.BasicBlock, i int, s *State) *State {
	if i != 0 || len(b.Instrs) == 0 {
		return s
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return s
	}
	call, ok := ifi.Cond.(*ssa.Call)
	if !ok {
		return s
	}
	o := mutexOp(call.Common())
	if o.kind != opTryLock {
		return s
	}
	out := s.clone()
	out.add(Held{Lock: RefOf(o.mu), Mode: o.mode, Site: call, Class: Class(o.mu)})
	return out
}

// block applies b's instructions to s, calling visit (if not nil) before
// each. It reports whether control leaves b normally.
func (f *Func) block(b *ssa.BasicBlock, s *State, visit func(ssa.Instruction, *State)) bool {
	for _, ins := range b.Instrs {
		if visit != nil {
			visit(ins, s)
		}
		if !f.transfer(ins, s) {
			return false
		}
	}
	return true
}

// transfer applies ins to s; it reports false when ins never returns.
func (f *Func) transfer(ins ssa.Instruction, s *State) bool {
	switch ins := ins.(type) {
	case *ssa.Panic:
		return false
	case *ssa.Call:
		return f.call(ins, ins.Common(), s)
	case *ssa.Defer:
		f.deferred(ins.Common(), s)
	case *ssa.Go:
		f.handedOff(ins.Common(), s)
	}
	return true
}

// handedOff applies a go statement: a goroutine that unlocks a lock the
// function holds takes the lock over (lock here, unlock when the
// background work is done).
func (f *Func) handedOff(c *ssa.CallCommon, s *State) {
	for _, r := range f.releases(c) {
		s.remove(r.lock, r.mode)
	}
}

// release is a lock a call releases, in the mode it was held.
type release struct {
	lock Lock
	mode Mode
}

// releases returns the locks call c releases: a direct Unlock or RUnlock,
// or what its callee's summary says it releases.
func (f *Func) releases(c *ssa.CallCommon) []release {
	if o := mutexOp(c); o.kind == opUnlock {
		return []release{{RefOf(o.mu), o.mode}}
	}
	callee := c.StaticCallee()
	if callee == nil {
		return nil
	}
	sum := f.eng.summary(callee)
	if sum == nil {
		return nil
	}
	var out []release
	for _, a := range sum.Releases {
		if l, ok := f.eng.concreteAt(a, c); ok {
			out = append(out, release{l, a.Mode})
		}
	}
	return out
}

// call applies a call to s.
func (f *Func) call(ins *ssa.Call, c *ssa.CallCommon, s *State) bool {
	if o := mutexOp(c); o.kind != opNone {
		l := RefOf(o.mu)
		switch o.kind {
		case opLock:
			s.add(Held{Lock: l, Mode: o.mode, Site: ins, Class: Class(o.mu)})
		case opUnlock:
			s.remove(l, o.mode)
		}
		return true
	}
	if flow.NoReturn(ins) {
		return false
	}
	callee := c.StaticCallee()
	if callee == nil {
		return true
	}
	sum := f.eng.summary(callee)
	if sum == nil {
		return true
	}
	if sum.NoReturn {
		return false
	}
	for _, a := range sum.Releases {
		if l, ok := f.eng.concreteAt(a, c); ok {
			s.remove(l, a.Mode)
		}
	}
	for _, a := range sum.Acquires {
		l, ok := f.eng.concreteAt(a, c)
		if a.Result {
			l, ok = resultRef(a, ins)
		}
		if ok {
			s.add(Held{Lock: l, Mode: a.Mode, Site: ins, Class: classAt(a, c)})
		}
	}
	return true
}

// deferred registers the releases a deferred call will run at every exit.
func (f *Func) deferred(c *ssa.CallCommon, s *State) {
	for _, r := range f.releases(c) {
		s.deferred = append(s.deferred, r.lock)
	}
}

// onParamFlag reports whether b runs only when a bool parameter says so
// (func (c *C) get(lock bool) { if lock { c.mu.Lock() } ...}): the caller
// chooses, and one holding the lock passes false.
func onParamFlag(b *ssa.BasicBlock) bool {
	for _, d := range b.Parent().Blocks {
		if len(d.Instrs) == 0 || len(d.Succs) != 2 {
			continue
		}
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || !isParamFlag(ifi.Cond) {
			continue
		}
		for _, succ := range d.Succs {
			if len(succ.Preds) == 1 && succ.Dominates(b) {
				return true
			}
		}
	}
	return false
}

// isParamFlag reports whether v is a parameter, or its negation.
func isParamFlag(v ssa.Value) bool {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.NOT {
		v = u.X
	}
	_, ok := v.(*ssa.Parameter)
	return ok
}

// releasedCallers reports whether a lock f was entered with is no longer
// held at acq.
func (f *Func) releasedCallers(acq Acquisition) bool {
	for _, h := range f.Assumed {
		if !slices.ContainsFunc(acq.Before, func(b Held) bool { return b.Lock == h.Lock }) {
			return true
		}
	}
	return false
}

// EnteredHolding reports whether f is taken to be entered with l held (it
// unlocks l without locking it first).
func (f *Func) EnteredHolding(l Lock) bool { return f.assumed(l) }

// assumed reports whether f is entered with l held.
func (f *Func) assumed(l Lock) bool {
	for _, h := range f.Assumed {
		if h.Lock == l {
			return true
		}
	}
	return false
}

// summarise derives f's contract from its exits and acquisitions.
func (f *Func) summarise() {
	sum := f.Summary
	if len(f.Exits) == 0 {
		sum.NoReturn = true
		return
	}
	fn := f.Fn
	for _, acq := range f.Acquisitions {
		if acq.Via != nil && acq.Transient && !unconditionalCall(acq) {
			// A lock a callee takes and releases, on a branch of this
			// function, is carried up the call chain only when the call is
			// unconditional: otherwise it stands for paths the caller may
			// never take (crypto/tls's QUIC conn "locks" the handshake
			// mutex only through a TLS 1.2 renegotiation that QUIC rules
			// out).
			continue
		}
		if acq.Try || f.assumed(acq.Lock) || f.releasedCallers(acq) || onParamFlag(acq.Call.(ssa.Instruction).Block()) {
			// Relocking what the caller held is not a new acquisition, and
			// what is taken after dropping the caller's lock (to avoid an
			// inversion) is not taken under it.
			continue
		}
		if a, ok := abstract(fn, acq.Lock, acq.Mode, acq.Class); ok {
			sum.Locks = addLock(sum.Locks, a, acq.Callback)
		} else if a, ok := abstractClass(acq.Lock, acq.Mode, acq.Class); ok {
			sum.Locks = addLock(sum.Locks, a, acq.Callback)
		}
	}
	f.summariseRetakes()
	// Locks acquired here: held at every exit, or at some.
	counts := map[AbsLock]int{}
	for _, ex := range f.Exits {
		seen := map[AbsLock]bool{}
		for _, h := range ex.Held {
			if h.Site == nil || f.assumed(h.Lock) {
				continue // the caller's lock, retaken: not the function's to hand over
			}
			if a, ok := abstract(fn, h.Lock, h.Mode, h.Class); ok && !seen[a] {
				seen[a] = true
				counts[a]++
			}
		}
	}
	for a, n := range counts {
		if n == len(f.Exits) {
			sum.Acquires = append(sum.Acquires, a)
		} else {
			sum.MayReturnHolding = append(sum.MayReturnHolding, a)
		}
	}
	for _, h := range f.Assumed {
		a, ok := abstract(fn, h.Lock, h.Mode, h.Class)
		if !ok {
			continue
		}
		releasedEverywhere := true
		for _, ex := range f.Exits {
			for _, g := range ex.Held {
				if g.Lock == h.Lock {
					releasedEverywhere = false
				}
			}
		}
		if releasedEverywhere {
			sum.Releases = append(sum.Releases, a)
		}
	}
	sortAbs(sum.Acquires)
	sortAbs(sum.MayReturnHolding)
}

// summariseRetakes records the locks f is entered holding and takes again
// after releasing them (Unlock, wait, Lock: a function that drops its
// caller's lock around a slow step), and the locks a callee retakes that
// f does not hold by an acquisition of its own (f's caller holds them).
func (f *Func) summariseRetakes() {
	sum := f.Summary
	add := func(acq Acquisition) {
		if acq.Try || acq.Call.(ssa.Instruction).Block() != f.Fn.Blocks[0] && acq.Via != nil {
			return
		}
		if a, ok := abstract(f.Fn, acq.Lock, acq.Mode, acq.Class); ok {
			sum.Retakes = addUnique(sum.Retakes, a)
		}
	}
	for _, acq := range f.Acquisitions {
		if acq.Via == nil && f.assumed(acq.Lock) && !slices.ContainsFunc(acq.Before, func(h Held) bool { return h.Lock == acq.Lock }) {
			add(acq)
		}
	}
	for _, acq := range f.Retakes {
		if !slices.ContainsFunc(acq.Before, func(h Held) bool { return h.Lock == acq.Lock && h.Site != nil }) {
			add(acq)
		}
	}
	sortAbs(sum.Retakes)
}

// global returns the package-level variable named "pkgpath.name".
func (e *engine) global(name string) *ssa.Global {
	if e.globals == nil {
		e.globals = map[string]*ssa.Global{}
		for _, pkg := range e.prog.AllPackages() {
			for _, m := range pkg.Members {
				if g, ok := m.(*ssa.Global); ok {
					e.globals[pkg.Pkg.Path()+"."+g.Name()] = g
				}
			}
		}
	}
	return e.globals[name]
}

// boundMethod returns the method a bound method wrapper (the function of
// a method value c.m) calls, nil if fn is not one.
func boundMethod(prog *ssa.Program, fn *ssa.Function) *ssa.Function {
	if fn.Synthetic == "" || len(fn.FreeVars) != 1 || fn.Blocks == nil && fn.Object() == nil {
		return nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Signature().Recv() == nil || types.IsInterface(obj.Signature().Recv().Type()) || obj.Origin() != obj {
		return nil
	}
	if fn.Name() != obj.Name()+"$bound" {
		return nil
	}
	return prog.FuncValue(obj)
}

// thunkMethod returns the method a method expression's function (T.m,
// (*T).m: a thunk taking the receiver first) calls, nil if fn is not one.
func thunkMethod(prog *ssa.Program, fn *ssa.Function) *ssa.Function {
	if fn.Synthetic == "" || len(fn.FreeVars) != 0 {
		return nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Signature().Recv() == nil || types.IsInterface(obj.Signature().Recv().Type()) || obj.Origin() != obj {
		return nil
	}
	if fn.Name() != obj.Name()+"$thunk" {
		return nil
	}
	return prog.FuncValue(obj)
}

// boundSummary is method m's summary in the terms of its bound wrapper w:
// the receiver is w's free variable, the other parameters shift down.
func (e *engine) boundSummary(w, m *ssa.Function) *Summary {
	sum := e.summary(m)
	if sum == nil {
		return nil
	}
	shift := func(ls []AbsLock) []AbsLock {
		var out []AbsLock
		for _, a := range ls {
			switch {
			case a.Result:
			case a.Param == 0:
				a.Param = len(w.Params)
			case a.Param > 0:
				a.Param--
			}
			if a.Callback > 0 {
				a.Callback-- // the receiver is bound; a receiver callback (0) is lost
			}
			out = append(out, a)
		}
		return out
	}
	return &Summary{Acquires: shift(sum.Acquires), Releases: shift(sum.Releases), Locks: shift(sum.Locks), MayReturnHolding: shift(sum.MayReturnHolding), Retakes: shift(sum.Retakes), NoReturn: sum.NoReturn}
}
