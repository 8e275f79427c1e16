package goroutineleak

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// checkWaitHoldingLock reports a goroutine that blocks on a channel
// operation or WaitGroup.Wait while it holds a mutex, when every operation
// that could unblock it (the receives of a send, the sends and closes of a
// receive, the Done calls of a Wait) comes after taking that mutex: the
// waiter keeps the lock, the partner waits for the lock, and both are stuck.
// Channels and WaitGroups are matched across functions by chanflow's
// classes (a struct field, a package-level variable, or a channel made
// here and handed on); a class that other packages can reach (an exported
// field, returned by an exported function) is left alone, since partners
// there are out of sight.
func (p *passState) checkWaitHoldingLock() {
	if p.locks == nil || !p.locks.Locking() {
		return
	}
	ops := p.sum.Ops()
	classes := ops.Classes()
	held := p.heldAtOps(ops)
	for _, class := range classes {
		if ops.Exported(class) {
			continue
		}
		list := ops.ByClass[class]
		for _, op := range list {
			if !op.Blocking || op.Kind == chanflow.CondWait || (op.Kind == chanflow.Send && !ops.Unbuffered(class)) {
				// Cond.Wait releases its own lock while it waits, and which
				// lock that is the index does not know.
				continue
			}
			partners := partnersOf(op, list)
			if op.Kind == chanflow.Send {
				partners = append(partners, closesOf(list)...)
			}
			if len(partners) == 0 {
				continue
			}
			for _, h := range held[op.Ins] {
				if need, ok := p.allNeed(op, partners, h); ok {
					p.reportWaitHoldingLock(op, h, need)
					break
				}
			}
		}
	}
}

// callers indexes the lock engine's static calls by callee (once per pass).
func (p *passState) callers() map[*ssa.Function][]locks.Call {
	if p.calls == nil {
		p.calls = map[*ssa.Function][]locks.Call{}
		for _, f := range p.locks.Funcs {
			for _, c := range f.Calls {
				p.calls[c.Callee] = append(p.calls[c.Callee], c)
			}
		}
	}
	return p.calls
}

// heldAt is a lock held at a blocking operation: in its own function, or
// at a call of that function (then Site is the caller's acquisition).
type heldAt struct {
	locks.Held
	caller *ssa.Function // nil when held in the operation's own function
}

// heldAtOps returns the locks with a class held at each blocking
// operation, by the function itself or by a caller at a call of it (two
// levels up).
func (p *passState) heldAtOps(ops *chanflow.Ops) map[ssa.Instruction][]heldAt {
	byFn := map[*ssa.Function]map[ssa.Instruction]bool{}
	for _, list := range ops.ByClass {
		for _, op := range list {
			if op.Blocking {
				fn := op.Ins.Parent()
				if byFn[fn] == nil {
					byFn[fn] = map[ssa.Instruction]bool{}
				}
				byFn[fn][op.Ins] = true
			}
		}
	}
	calls := p.callers()
	out := map[ssa.Instruction][]heldAt{}
	for fn, ins := range byFn {
		f := p.locks.Of(fn)
		if f == nil {
			continue
		}
		var inherited []heldAt
		for _, c := range calls[fn] {
			for _, h := range c.Held {
				inherited = append(inherited, heldAt{h, c.Call.Parent()})
			}
			for _, cc := range calls[c.Call.Parent()] {
				for _, h := range cc.Held {
					inherited = append(inherited, heldAt{h, cc.Call.Parent()})
				}
			}
		}
		f.Walk(func(i ssa.Instruction, s *locks.State) {
			if !ins[i] {
				return
			}
			for _, h := range s.Held() {
				out[i] = append(out[i], heldAt{h, nil})
			}
			out[i] = append(out[i], inherited...)
		})
	}
	for i, hs := range out {
		var keep []heldAt
		for _, h := range hs {
			if h.Class == "" && h.Site != nil {
				h.Class = localLockClass(h.Site)
			}
			if h.Class != "" && h.Site != nil {
				keep = append(keep, h)
			}
		}
		out[i] = keep
	}
	return out
}

// closesOf returns the closes among list: a close ends a blocked send too
// (it panics), so a sender under a lock that every closer needs is stuck.
func closesOf(list []chanflow.Op) []chanflow.Op {
	var out []chanflow.Op
	for _, o := range list {
		if o.Kind == chanflow.Close {
			out = append(out, o)
		}
	}
	return out
}

// partnersOf returns the operations of the class that can unblock op.
func partnersOf(op chanflow.Op, list []chanflow.Op) []chanflow.Op {
	var out []chanflow.Op
	for _, o := range list {
		switch op.Kind {
		case chanflow.Send:
			if o.Kind == chanflow.Recv {
				out = append(out, o)
			}
		case chanflow.Recv:
			if o.Kind == chanflow.Send || o.Kind == chanflow.Close {
				out = append(out, o)
			}
		case chanflow.Wait:
			if o.Kind == chanflow.Done {
				out = append(out, o)
			}
		case chanflow.CondWait:
			if o.Kind == chanflow.Signal {
				out = append(out, o)
			}
		}
	}
	return out
}

// need is how a partner comes to need the held lock: it takes it at acq,
// or it first waits at via for goroutines that take it at acq.
type need struct {
	acq, via ssa.Instruction
}

// allNeed reports whether every partner takes h's lock before it gets to
// its operation, itself or through a wait for goroutines that take it
// (one step); it returns the first partner's. Two read locks of an
// RWMutex do not exclude each other.
func (p *passState) allNeed(op chanflow.Op, partners []chanflow.Op, h heldAt) (need, bool) {
	var first need
	for _, o := range partners {
		n := need{acq: p.needsLock(op, o, h)}
		if n.acq == nil {
			n = p.waitsForLock(op, o, h)
		}
		if n.acq == nil {
			return need{}, false
		}
		if first.acq == nil {
			first = n
		}
	}
	return first, first.acq != nil
}

// waitsForLock finds, before the partner o in its function, a blocking
// operation (after the blocked goroutine is started) on a channel or
// WaitGroup whose every partner takes h's lock first: o's goroutine waits
// there for goroutines that wait for the lock, so it never gets to o. The
// waited-for class must be closed to other packages (no hidden partner).
func (p *passState) waitsForLock(blocked, o chanflow.Op, h heldAt) need {
	fn := o.Ins.Parent()
	_, deferred := o.Ins.(*ssa.Defer)
	spawn := spawnOf(fn, blocked.Ins.Parent())
	ops := p.sum.Ops()
	for _, b := range p.blockingOps()[fn] {
		if b.Ins == blocked.Ins || b.Class == o.Class || !ops.Closed(b.Class) || b.Kind == chanflow.CondWait {
			continue
		}
		if b.Kind == chanflow.Send && !ops.Unbuffered(b.Class) {
			continue
		}
		if spawn != nil && !instrReaches(spawn, b.Ins) {
			continue // over before the blocked goroutine exists
		}
		if !deferred && !instrReaches(b.Ins, o.Ins) {
			continue
		}
		list := ops.ByClass[b.Class]
		partners := partnersOf(b, list)
		if b.Kind == chanflow.Send {
			partners = append(partners, closesOf(list)...)
		}
		if len(partners) == 0 {
			continue
		}
		var first ssa.Instruction
		for _, q := range partners {
			acq := p.needsLock(b, q, h)
			if acq == nil {
				first = nil
				break
			}
			if first == nil {
				first = acq
			}
		}
		if first != nil {
			return need{acq: first, via: b.Ins}
		}
	}
	return need{}
}

// blockingOps indexes the package's blocking operations by function (once
// per pass).
func (p *passState) blockingOps() map[*ssa.Function][]chanflow.Op {
	if p.blockingIn == nil {
		p.blockingIn = map[*ssa.Function][]chanflow.Op{}
		ops := p.sum.Ops()
		for _, class := range ops.Classes() {
			for _, op := range ops.ByClass[class] {
				if op.Blocking {
					fn := op.Ins.Parent()
					p.blockingIn[fn] = append(p.blockingIn[fn], op)
				}
			}
		}
	}
	return p.blockingIn
}

// needsLock returns an acquisition of h's lock class that comes before the
// partner's operation on some path: in the partner's function (a deferred
// operation runs at the returns, after any of them), or in a caller
// before the call of it (a call in a loop comes again after itself).
func (p *passState) needsLock(blocked, o chanflow.Op, h heldAt) ssa.Instruction {
	fn := o.Ins.Parent()
	_, deferred := o.Ins.(*ssa.Defer)
	spawn := spawnOf(fn, blocked.Ins.Parent())
	for _, a := range p.acquisitions(fn, h) {
		if spawn != nil && !instrReaches(spawn, a) {
			continue // taken before the blocked goroutine exists
		}
		if p.beforeAdd(o, a) {
			continue
		}
		if deferred || instrReaches(a, o.Ins) {
			return a
		}
	}
	for _, c := range p.callers()[fn] {
		for _, a := range p.acquisitions(c.Call.Parent(), h) {
			if !p.beforeAdd(o, a) && instrReaches(a, c.Call) {
				return a
			}
		}
	}
	return nil
}

// beforeAdd reports whether the acquisition a, on the way to the Done o,
// can come before an Add of the same WaitGroup in its function (the Add
// itself, or a call that leads to one): Wait waits only for what was
// added before it, so a lock taken before the Add is not one the waiter's
// partner needs (a start guarded by the waiter's own lock).
func (p *passState) beforeAdd(o chanflow.Op, a ssa.Instruction) bool {
	if o.Kind != chanflow.Done {
		return false
	}
	var addFns []*ssa.Function
	adds := map[ssa.Instruction]bool{}
	for _, add := range p.sum.Ops().ByClass[o.Class] {
		if add.Kind == chanflow.Add {
			adds[add.Ins] = true
			addFns = append(addFns, add.Ins.Parent())
		}
	}
	for _, b := range a.Parent().Blocks {
		for _, s := range b.Instrs {
			if !adds[s] && !p.leadsTo(s, addFns) {
				continue
			}
			if s == a || instrReaches(a, s) {
				return true
			}
		}
	}
	return false
}

// leadsTo reports whether s is a call that reaches one of fns.
func (p *passState) leadsTo(s ssa.Instruction, fns []*ssa.Function) bool {
	for _, fn := range fns {
		if p.callsInto(s, fn, map[*ssa.Function]bool{}) {
			return true
		}
	}
	return false
}

// callsInto reports whether the call a leads to target through the
// package's static calls (a helper that locks and adds).
func (p *passState) callsInto(a ssa.Instruction, target *ssa.Function, busy map[*ssa.Function]bool) bool {
	ci, ok := a.(ssa.CallInstruction)
	if !ok {
		return false
	}
	callee := ci.Common().StaticCallee()
	if callee == nil || busy[callee] || len(busy) > maxCallDepth {
		return false
	}
	if callee == target {
		return true
	}
	busy[callee] = true
	f := p.locks.Of(callee)
	if f == nil {
		return false
	}
	for _, c := range f.Calls {
		if p.callsInto(c.Call, target, busy) {
			return true
		}
	}
	return false
}

// spawnOf returns the go statement of fn that starts g (or the closure g
// is nested in), nil when fn does not.
func spawnOf(fn, g *ssa.Function) ssa.Instruction {
	for ; g != nil; g = g.Parent() {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if gs, ok := ins.(*ssa.Go); ok && gs.Call.StaticCallee() == g {
					return gs
				}
			}
		}
	}
	return nil
}

// acquisitions returns the instructions of fn that may take a lock of h's
// class that waits while h is held: a Lock call, or a call of a function
// of the package that may take it on some path (the lock engine's
// contracts keep only unconditional ones; a deadlock needs one path).
func (p *passState) acquisitions(fn *ssa.Function, h heldAt) []ssa.Instruction {
	f := p.locks.Of(fn)
	if f == nil {
		return nil
	}
	var out []ssa.Instruction
	for _, a := range f.Acquisitions {
		if excludes(a, h) {
			out = append(out, a.Call)
		}
	}
	for _, c := range f.Calls {
		if p.mayAcquireMemo(c.Callee, h) {
			out = append(out, c.Call)
		}
	}
	return out
}

// acquireKey memoizes mayAcquire per callee, lock class and mode.
type acquireKey struct {
	fn    *ssa.Function
	class string
	mode  locks.Mode
}

// mayAcquireMemo is mayAcquire from a fresh call chain, memoized.
func (p *passState) mayAcquireMemo(fn *ssa.Function, h heldAt) bool {
	k := acquireKey{fn, h.Class, h.Mode}
	if v, ok := p.acquires[k]; ok {
		return v
	}
	if p.acquires == nil {
		p.acquires = map[acquireKey]bool{}
	}
	v := p.mayAcquire(fn, h, map[*ssa.Function]bool{})
	p.acquires[k] = v
	return v
}

// mayAcquire reports whether fn, or a function of the package it calls,
// takes a lock of h's class on some path.
func (p *passState) mayAcquire(fn *ssa.Function, h heldAt, busy map[*ssa.Function]bool) bool {
	if busy[fn] || len(busy) > maxCallDepth {
		return false
	}
	f := p.locks.Of(fn)
	if f == nil {
		return false
	}
	for _, a := range f.Acquisitions {
		if excludes(a, h) {
			return true
		}
	}
	busy[fn] = true
	defer delete(busy, fn)
	for _, c := range f.Calls {
		if p.mayAcquire(c.Callee, h, busy) {
			return true
		}
	}
	return false
}

// maxCallDepth bounds the call chains mayAcquire follows.
const maxCallDepth = 4

// excludes reports whether acquisition a waits while h is held: the same
// lock class, a blocking acquisition, and not two read locks.
func excludes(a locks.Acquisition, h heldAt) bool {
	class := a.Class
	if class == "" && a.Via == nil {
		class = localLockClass(a.Call)
	}
	return class == h.Class && !a.Try && (a.Mode == locks.Write || h.Mode == locks.Write)
}

// localLockClass names the mutex a direct Lock call takes when it is a
// local variable shared with closures (locks.LocalClass): a goroutine's
// closure and the function that made the mutex lock the same one.
func localLockClass(site ssa.Instruction) string {
	c, ok := site.(ssa.CallInstruction)
	if !ok || len(c.Common().Args) == 0 || c.Common().IsInvoke() {
		return ""
	}
	return locks.LocalClass(c.Common().Args[0])
}

// instrReaches reports whether b can run after a in their function.
func instrReaches(a, b ssa.Instruction) bool {
	if a.Parent() != b.Parent() {
		return false
	}
	if a.Block() == b.Block() && indexOf(a) < indexOf(b) {
		return true
	}
	return flow.Reaches(a.Block(), b.Block())
}

// reportWaitHoldingLock reports the blocking operation.
func (p *passState) reportWaitHoldingLock(op chanflow.Op, h heldAt, n need) {
	what, partner := "", ""
	name := p.className(op.Class)
	switch op.Kind {
	case chanflow.Send:
		what, partner = "sends on "+name, "receiver (and close)"
	case chanflow.Recv:
		what, partner = "receives from "+name, "sender (and close)"
	case chanflow.Wait:
		what, partner = "waits for "+name, "Done"
	}
	holder := ""
	if h.caller != nil {
		holder = " (its caller " + h.caller.Name() + " does)"
	}
	lockName := h.Lock.Name()
	related := []analysis.RelatedInformation{
		{Pos: h.Site.Pos(), Message: "locked here"},
		{Pos: n.acq.Pos(), Message: "the partner takes the lock here"},
	}
	takes := "takes that lock first"
	if n.via != nil {
		takes = fmt.Sprintf("first waits (line %d) for goroutines that take that lock", p.line(n.via.Pos()))
		related[1].Message = "a goroutine the partner waits for takes the lock here"
		related = append(related, analysis.RelatedInformation{Pos: n.via.Pos(), Message: "the partner waits here first"})
	}
	p.pass.Report(analysis.Diagnostic{
		Pos:      opPos(op),
		Category: RuleWaitHoldingLock,
		Message: fmt.Sprintf("goroutine %s while holding %s (locked at line %d%s), but every %s %s (line %d), so both wait forever; release the lock before blocking, or make the partner not need it",
			what, lockName, p.line(h.Site.Pos()), holder, partner, takes, p.line(n.acq.Pos())),
		Related: related,
	})
}

// opPos is where op is in the source.
func opPos(op chanflow.Op) token.Pos {
	if c, ok := op.Ins.(ssa.CallInstruction); ok && !op.Ins.Pos().IsValid() {
		return c.Common().Pos()
	}
	return op.Ins.Pos()
}

// className names a class for a message: the type and field, the
// variable, or what it is.
func (p *passState) className(class string) string {
	c := strings.TrimPrefix(class, p.pass.Pkg.Path()+".")
	switch {
	case strings.HasPrefix(c, "make@"):
		return "the channel"
	case strings.HasPrefix(c, "var@"):
		return "the WaitGroup"
	}
	return c
}
