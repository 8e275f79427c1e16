package sharedstate

import (
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// closureSite is one place a closure is handed to a helper that runs it
// before returning: the closure, the caller, and the locks the caller
// holds across that call.
type closureSite struct {
	mc     *ssa.MakeClosure
	caller *ssa.Function
	held   []locks.Ref
}

// syncClosureSites finds the closures passed to a function of the package
// that only ever calls the parameter receiving them (exec(func() {...}),
// a retry loop): they run inside the call, under the caller's locks. A
// closure also started, stored or handed elsewhere gets no site, so it
// has none of the caller's locks (time.AfterFunc(d, func() {...}) runs
// later, unlocked).
func (c *checker) syncClosureSites() map[*ssa.Function][]closureSite {
	out := map[*ssa.Function][]closureSite{}
	bad := map[*ssa.Function]bool{}
	for _, f := range c.locks.Funcs {
		f.Walk(func(ins ssa.Instruction, s *locks.State) {
			call, ok := ins.(*ssa.Call)
			if !ok {
				return
			}
			callee := call.Call.StaticCallee()
			for i, arg := range call.Call.Args {
				mc, ok := arg.(*ssa.MakeClosure)
				if !ok {
					continue
				}
				fn := mc.Fn.(*ssa.Function)
				if !onlyPassedTo(mc, call) || !invokesOnly(callee, paramOf(call, callee, i)) {
					bad[fn] = true
					continue
				}
				held := make([]locks.Ref, 0, len(s.Held()))
				for _, h := range s.Held() {
					held = append(held, h.Lock)
				}
				out[fn] = append(out[fn], closureSite{mc: mc, caller: f.Fn, held: held})
			}
		})
	}
	for fn := range bad {
		delete(out, fn)
	}
	for fn, sites := range out {
		if made(fn) != len(sites) {
			delete(out, fn) // also made elsewhere: a go statement, a field
		}
	}
	return out
}

// onlyPassedTo reports whether mc's only use is as an argument of call.
func onlyPassedTo(mc *ssa.MakeClosure, call *ssa.Call) bool {
	for _, r := range *mc.Referrers() {
		if r != call {
			return false
		}
	}
	return true
}

// paramOf returns the parameter of callee that argument i of call binds.
func paramOf(call *ssa.Call, callee *ssa.Function, i int) *ssa.Parameter {
	if callee == nil || len(callee.Blocks) == 0 {
		return nil
	}
	if _, isClosure := call.Call.Value.(*ssa.MakeClosure); !isClosure && call.Call.IsInvoke() {
		return nil
	}
	if i >= len(callee.Params) {
		return nil
	}
	return callee.Params[i]
}

// invokesOnly reports whether every use of p calls it, synchronously.
func invokesOnly(callee *ssa.Function, p *ssa.Parameter) bool {
	if p == nil {
		return false
	}
	for _, r := range *p.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok || call.Call.Value != p {
			return false
		}
		for _, a := range call.Call.Args {
			if a == p {
				return false
			}
		}
	}
	return true
}

// made counts the MakeClosure instructions creating fn. A bound method
// value's wrapper ($bound) has no parent function to look in.
func made(fn *ssa.Function) int {
	n := 0
	if fn.Parent() == nil {
		return 0
	}
	for _, b := range fn.Parent().Blocks {
		for _, ins := range b.Instrs {
			if mc, ok := ins.(*ssa.MakeClosure); ok && mc.Fn == fn {
				n++
			}
		}
	}
	return n
}

// closureEntry is what every site of a synchronously run closure
// guarantees it: the locks held across the helper call and on the
// caller's entry, renamed to the closure's free variables.
func closureEntry(fn *ssa.Function, sites []closureSite, entry map[*ssa.Function]*entryInfo) *entryInfo {
	var info *entryInfo
	for _, s := range sites {
		held := append(append([]locks.Ref(nil), s.held...), entry[s.caller].heldLocks()...)
		site := &entryInfo{fresh: map[int]bool{}}
		for _, l := range held {
			if r, ok := throughBinding(fn, s.mc, l); ok {
				site.held = append(site.held, r)
			}
		}
		if info == nil {
			info = site
		} else {
			info = intersect(info, site, nil)
		}
	}
	return info
}

// throughBinding renames l, a lock in the caller's terms, into the
// closure's: a global stays, a lock rooted in a captured value is rooted
// in the free variable that captures it (through its box when the
// captured variable is a parameter the closure shares by reference).
func throughBinding(fn *ssa.Function, mc *ssa.MakeClosure, l locks.Ref) (locks.Ref, bool) {
	if _, ok := l.Root.(*ssa.Global); ok {
		return l, true
	}
	for i, b := range mc.Bindings {
		if i >= len(fn.FreeVars) {
			break
		}
		if b == l.Root {
			return locks.Ref{Root: fn.FreeVars[i], Path: l.Path}, true
		}
		if box, ok := b.(*ssa.Alloc); ok && box.Heap && locks.BoxedParam(box) != nil && ssa.Value(locks.BoxedParam(box)) == l.Root {
			return locks.Ref{Root: fn.FreeVars[i], Path: "*" + l.Path}, true
		}
	}
	return locks.Ref{}, false
}
