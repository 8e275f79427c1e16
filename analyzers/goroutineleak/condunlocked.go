package goroutineleak

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// checkCondWaitUnlocked reports a Cond.Wait that runs with no lock held on
// any path: its function takes no lock (itself or through a callee the
// lock engine knows), makes no call a lock could hide behind (an interface
// method, a function value), and every way it is reached (its callers,
// the go statements starting it, the calls of the function values it
// flows to) is a function like it or a new goroutine. Wait begins by
// unlocking the Cond's mutex: with nothing held it panics, or it releases
// the lock another goroutine holds and then waits for a Signal that comes
// under a lock it no longer excludes.
func (p *passState) checkCondWaitUnlocked() {
	if p.locks == nil {
		return
	}
	ops := p.sum.Ops()
	var vc *valueCalls
	for _, class := range ops.Classes() {
		mu := ops.CondMutex(class)
		if mu == nil {
			continue
		}
		for _, op := range ops.ByClass[class] {
			if op.Kind != chanflow.CondWait {
				continue
			}
			if vc == nil {
				vc = newValueCalls(p)
			}
			if vc.lockFree(op.Ins.Parent(), 0) {
				text, pos, end := p.callText(op.Ins)
				p.reportCondWaitUnlocked(text, pos, end, op.Class, mu)
			}
		}
	}
	p.checkBoundWaits(vc)
}

// checkBoundWaits reports the method values cond.Wait (a bound method
// handed on as a func()) whose every call happens with no lock held.
func (p *passState) checkBoundWaits(vc *valueCalls) {
	ops := p.sum.Ops()
	for _, fn := range p.srcFuncs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				mc, ok := ins.(*ssa.MakeClosure)
				if !ok || !isBoundCondWait(mc) {
					continue
				}
				class := p.sum.Class(mc.Bindings[0])
				mu := ops.CondMutex(class)
				if class == "" || mu == nil {
					continue
				}
				if vc == nil {
					vc = newValueCalls(p)
				}
				if vc.valueLockFree(mc, 0) {
					text, pos, end := p.exprText(mc.Pos())
					p.reportCondWaitUnlocked(text, pos, end, class, mu)
				}
			}
		}
	}
}

// isBoundCondWait reports whether mc is the method value x.Wait of a
// *sync.Cond.
func isBoundCondWait(mc *ssa.MakeClosure) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || fn.Synthetic == "" || len(mc.Bindings) != 1 {
		return false
	}
	m, ok := fn.Object().(*types.Func)
	if !ok || m.Name() != "Wait" {
		return false
	}
	recv := m.Type().(*types.Signature).Recv()
	return recv != nil && typematch.PointerTo(recv.Type(), "sync", "Cond")
}

// valueCalls answers whether functions run with no lock held.
type valueCalls struct {
	p *passState
	// valueUses are the instructions using each function of the package
	// as a value (not as the callee of a static call).
	valueUses map[*ssa.Function][]ssa.Instruction
	// sites are the static calls, defers and go statements of each
	// function of the package named directly (not through a closure).
	sites map[*ssa.Function][]ssa.CallInstruction
	memo  map[*ssa.Function]bool
	busy  map[*ssa.Function]bool
}

func newValueCalls(p *passState) *valueCalls {
	vc := &valueCalls{p: p, valueUses: map[*ssa.Function][]ssa.Instruction{}, sites: map[*ssa.Function][]ssa.CallInstruction{}, memo: map[*ssa.Function]bool{}, busy: map[*ssa.Function]bool{}}
	for _, fn := range p.srcFuncs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				vc.noteValues(ins)
			}
		}
	}
	return vc
}

// noteValues records the functions ins uses as values.
func (vc *valueCalls) noteValues(ins ssa.Instruction) {
	var static ssa.Value
	if c, ok := ins.(ssa.CallInstruction); ok {
		static = c.Common().Value
		if fn, ok := static.(*ssa.Function); ok {
			vc.sites[fn] = append(vc.sites[fn], c)
		}
	}
	for _, op := range ins.Operands(nil) {
		if op == nil || *op == static {
			continue
		}
		switch v := (*op).(type) {
		case *ssa.Function:
			vc.valueUses[v] = append(vc.valueUses[v], ins)
		}
	}
	if mc, ok := ins.(*ssa.MakeClosure); ok {
		// The closure value is the MakeClosure, traced by its referrers.
		fn := mc.Fn.(*ssa.Function)
		uses := vc.valueUses[fn]
		for i, u := range uses {
			if u == ins {
				vc.valueUses[fn] = append(uses[:i:i], uses[i+1:]...)
				break
			}
		}
	}
}

// maxValueDepth bounds the functions and values lockFree follows.
const maxValueDepth = 6

// lockFree reports whether fn runs with no lock held on any path.
func (vc *valueCalls) lockFree(fn *ssa.Function, depth int) bool {
	if v, ok := vc.memo[fn]; ok {
		return v
	}
	if depth > maxValueDepth || vc.busy[fn] {
		return false
	}
	vc.busy[fn] = true
	v := vc.takesNoLock(fn) && vc.reachedLockFree(fn, depth)

	delete(vc.busy, fn)
	if depth == 0 {
		vc.memo[fn] = v // deeper answers may depend on a cycle cut short
	}
	return v
}

// takesNoLock reports whether fn acquires no lock, is not entered holding
// one, and calls no interface method (a sync.Locker's Lock, out of the
// engine's sight). A function value it calls may take a lock, but returns
// without it held, as the lock engine assumes of every unknown callee.
func (vc *valueCalls) takesNoLock(fn *ssa.Function) bool {
	f := vc.p.locks.Of(fn)
	if f == nil || len(f.Acquisitions) > 0 || len(f.Assumed) > 0 {
		return false
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			c, ok := ins.(ssa.CallInstruction)
			if !ok {
				continue
			}
			cc := c.Common()
			if cc.IsInvoke() {
				return false
			}
		}
	}
	return true
}

// reachedLockFree reports whether every way fn is entered holds no lock:
// static callers that are lock-free themselves, go statements (a new
// goroutine holds nothing), and the calls of the function values fn
// flows to.
func (vc *valueCalls) reachedLockFree(fn *ssa.Function, depth int) bool {
	if fn.Parent() == nil && chanflow.VisibleOutside(fn) {
		return false // other packages may call it holding anything
	}
	entered := false
	for _, c := range vc.sites[fn] {
		entered = true
		if _, isGo := c.(*ssa.Go); isGo {
			continue
		}
		if !vc.lockFree(c.Parent(), depth+1) {
			return false
		}
	}
	for _, u := range vc.valueUses[fn] {
		entered = true
		if !vc.flowsLockFree(fn, u, depth) {
			return false
		}
	}
	for _, mc := range vc.p.closuresOf(fn) {
		entered = true
		if !vc.valueLockFree(mc, depth) {
			return false
		}
	}
	return entered
}

// flowsLockFree reports whether the use u of fn as a value leads only to
// lock-free calls.
func (vc *valueCalls) flowsLockFree(fn *ssa.Function, u ssa.Instruction, depth int) bool {
	if c, ok := u.(ssa.CallInstruction); ok {
		return vc.argLockFree(c, fn, depth)
	}
	if v, ok := u.(ssa.Value); ok {
		return vc.valueLockFree(v, depth)
	}
	return false
}

// valueLockFree reports whether every call of the function value v (and
// of the values it flows to) happens with no lock held.
func (vc *valueCalls) valueLockFree(v ssa.Value, depth int) bool {
	if depth > maxValueDepth {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return false // f != nil is a test, not a call
			}
		case *ssa.ChangeType:
			if !vc.valueLockFree(r, depth+1) {
				return false
			}
		case *ssa.Store:
			if !vc.cellLockFree(r, v, depth) {
				return false
			}
		case *ssa.MakeClosure:
			if !vc.boundLockFree(r, v, depth) {
				return false
			}
		case ssa.CallInstruction:
			if r.Common().Value == v {
				if _, isGo := r.(*ssa.Go); !isGo && !vc.lockFree(r.Parent(), depth+1) {
					return false
				}
				continue
			}
			if !vc.argLockFree(r, v, depth) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// argLockFree follows v passed as an argument of the static call c into
// the callee's parameter.
func (vc *valueCalls) argLockFree(c ssa.CallInstruction, v ssa.Value, depth int) bool {
	callee := c.Common().StaticCallee()
	if callee == nil || callee.Blocks == nil || callee.Pkg == nil || callee.Pkg.Pkg != vc.p.pass.Pkg {
		return false
	}
	for i, a := range c.Common().Args {
		if a == v && !vc.valueLockFree(callee.Params[i], depth+1) {
			return false
		}
	}
	return true
}

// cellLockFree follows v stored into a local variable: its loads, and the
// closures capturing it.
func (vc *valueCalls) cellLockFree(st *ssa.Store, v ssa.Value, depth int) bool {
	cell, ok := st.Addr.(*ssa.Alloc)
	if !ok || st.Val != v {
		return false
	}
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r != st {
				return false // reassigned: another value is called too
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || !vc.valueLockFree(r, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			if !vc.boundLockFree(r, cell, depth) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// boundLockFree follows v captured by the closure mc into its free
// variable: the loads of the cell it is.
func (vc *valueCalls) boundLockFree(mc *ssa.MakeClosure, v ssa.Value, depth int) bool {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b != v {
			continue
		}
		vals, ok := chanflow.LoadsOf(fn.FreeVars[i])
		if !ok {
			return false
		}
		for _, l := range vals {
			if !vc.valueLockFree(l, depth+1) {
				return false
			}
		}
	}
	return true
}

// closuresOf returns the MakeClosure instructions making fn.
func (p *passState) closuresOf(fn *ssa.Function) []*ssa.MakeClosure {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var out []*ssa.MakeClosure
	for _, b := range parent.Blocks {
		for _, ins := range b.Instrs {
			if mc, ok := ins.(*ssa.MakeClosure); ok && mc.Fn == fn {
				out = append(out, mc)
			}
		}
	}
	return out
}

// reportCondWaitUnlocked reports the Wait (text, at pos..end) on the
// Cond class made by mu.
func (p *passState) reportCondWaitUnlocked(text string, pos, end token.Pos, class string, mu ssa.Value) {
	name := p.className(class)
	p.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleCondWaitUnlocked,
		Message: fmt.Sprintf("%s waits on %s with no lock held on any path here (the Cond is made at line %d on a mutex): Wait unlocks it first, so it panics, or releases a lock another goroutine holds; lock the mutex before Wait and check the condition in a loop",
			text, name, p.line(mu.Pos())),
		Related: []analysis.RelatedInformation{{Pos: mu.Pos(), Message: "the Cond is made here"}},
	})
}
