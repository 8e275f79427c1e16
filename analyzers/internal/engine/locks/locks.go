// Package locks is reviewlint's lock-state engine: for every function of a
// package it computes, on SSA, the mutexes held on every path to each
// instruction (Lock/Unlock, RLock/RUnlock, TryLock on its true branch,
// defer mu.Unlock(), deferred closures, and calls through the callee's
// contract), and each function's contract (locks it acquires and returns
// holding, locks it releases for its caller, locks it takes and drops
// inside, whether it returns at all). Contracts are exported as Summary
// facts, so the reasoning crosses packages.
//
// A mutex is named canonically by its root (a parameter, a free variable,
// a global, a local) and the field path from it: c.mu in one function is
// c.mu however often its address is recomputed. The state is a must
// analysis (held on every path), so correlated branches never make a lock
// look held where it may not be: the rules built on it err towards silence.
//
// It is a non-reporting analyzer; sharedstate and goroutineleak (waits
// holding a lock, cond waits without theirs) report from its Result.
package locks

import (
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/crash"
)

// Analyzer computes the lock state of every function of the package.
var Analyzer = crash.Guard(&analysis.Analyzer{
	Name:       "locks",
	Doc:        "computes the mutexes held at each instruction and each function's lock contract (reports nothing)",
	Run:        run,
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*packageSummaries)(nil), (*packageGuards)(nil)},
})

// packageSummaries is the package fact that carries a package's contracts.
type packageSummaries struct{ facttable.Table[Summary] }

// AFact implements analysis.Fact.
func (*packageSummaries) AFact() {}

func newPackageSummaries() *packageSummaries { return new(packageSummaries) }

// Result is the engine's answer for one package.
type Result struct {
	// Funcs are the package's functions (closures included), callees
	// before callers.
	Funcs []*Func
	byFn  map[*ssa.Function]*Func
	dyn   *resolver
	eng   *engine
	an    *annotations
}

// Callees returns the functions call c may run: its static callee, or
// what the package says a dynamic call runs (see resolver); bound method
// wrappers are given as their method.
func (r *Result) Callees(c ssa.CallInstruction) []*ssa.Function {
	var out []*ssa.Function
	add := func(fn *ssa.Function) {
		if m := boundMethod(fn.Prog, fn); m != nil {
			fn = m
		}
		out = append(out, fn)
	}
	if fn := c.Common().StaticCallee(); fn != nil {
		add(fn)
		return out
	}
	if r.dyn != nil {
		for _, t := range r.dyn.targets(c.Common()) {
			add(t.fn)
		}
	}
	return out
}

// Locking reports whether any function of the package acquires or
// releases a lock, directly or through a callee.
func (r *Result) Locking() bool {
	for _, f := range r.Funcs {
		if len(f.Acquisitions) > 0 || len(f.Releases) > 0 || len(f.Assumed) > 0 {
			return true
		}
	}
	return false
}

// Of returns fn's lock state, or nil if fn is not the package's.
func (r *Result) Of(fn *ssa.Function) *Func { return r.byFn[fn] }

func run(pass *analysis.Pass) (any, error) {
	ssaRes := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	res := &Result{byFn: map[*ssa.Function]*Func{}}
	eng := &engine{prog: ssaRes.Pkg.Prog, local: res.byFn}
	eng.an = readAnnotations(pass)
	eng.an.facts = facttable.New[VarGuard](pass, newPackageGuards)
	res.eng, res.an = eng, eng.an
	facts := facttable.New[Summary](pass, newPackageSummaries)
	eng.imports = func(fn *ssa.Function) *Summary {
		obj := fn.Object()
		if fn.Origin() != nil {
			obj = fn.Origin().Object()
		}
		if obj == nil || obj.Pkg() == pass.Pkg {
			return nil
		}
		if sum, ok := facts.Import(obj); ok {
			return &sum
		}
		return nil
	}
	var all []*ssa.Function
	var collect func(fn *ssa.Function)
	collect = func(fn *ssa.Function) {
		if _, ok := res.byFn[fn]; ok {
			return
		}
		res.byFn[fn] = nil
		all = append(all, fn)
		for _, anon := range fn.AnonFuncs {
			collect(anon)
		}
	}
	for _, fn := range ssaRes.SrcFuncs {
		collect(fn)
	}
	eng.dyn = newResolver(eng.prog, pass.Pkg, all)
	res.dyn = eng.dyn
	for _, fn := range postorder(all, res.byFn, eng.dyn) {
		f := &Func{Fn: fn, eng: eng}
		f.analyse()
		res.byFn[fn] = f
	}
	// Funcs keep the order of the static calls, which the rules' choice
	// of examples follows: resolving dynamic calls changes no message.
	for _, fn := range postorder(all, res.byFn, nil) {
		res.Funcs = append(res.Funcs, res.byFn[fn])
	}
	for _, f := range res.Funcs {
		obj := f.Fn.Object()
		if obj != nil && obj.Pkg() == pass.Pkg && f.Fn.Origin() == nil && !f.Summary.empty() {
			facts.Export(obj, f.Summary)
		}
	}
	if err := facts.Flush(); err != nil {
		return nil, err
	}
	if err := eng.an.exportGuards(); err != nil {
		return nil, err
	}
	return res, nil
}

// postorder orders fns so that callees (among fns) come before callers.
// The functions a dynamic call may run (see resolver), and the methods
// of bound method values, count as callees unless dyn is nil.
func postorder(fns []*ssa.Function, in map[*ssa.Function]*Func, dyn *resolver) []*ssa.Function {
	var out []*ssa.Function
	state := map[*ssa.Function]uint8{}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if state[fn] != 0 {
			return
		}
		state[fn] = 1
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				ci, ok := ins.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if callee := ci.Common().StaticCallee(); callee != nil {
					if m := boundMethod(callee.Prog, callee); m != nil && dyn != nil {
						callee = m
					}
					if _, mine := in[callee]; mine {
						visit(callee)
					}
					continue
				}
				if dyn == nil {
					continue
				}
				for _, t := range dyn.targets(ci.Common()) {
					callee := t.fn
					if m := boundMethod(callee.Prog, callee); m != nil {
						callee = m
					} else if m := thunkMethod(callee.Prog, callee); m != nil {
						callee = m
					}
					if _, mine := in[callee]; mine {
						visit(callee)
					}
				}
			}
		}
		out = append(out, fn)
	}
	for _, fn := range fns {
		visit(fn)
	}
	return out
}

// sortAbs orders locks deterministically (facts are compared by tests).
func sortAbs(ls []AbsLock) {
	sort.Slice(ls, func(i, j int) bool {
		a, b := ls[i], ls[j]
		if a.Param != b.Param {
			return a.Param < b.Param
		}
		if a.Global != b.Global {
			return a.Global < b.Global
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Mode < b.Mode
	})
}
