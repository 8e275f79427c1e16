// Package lifetime is reviewlint's lifetime engine: for every call that
// acquires a resource (a file, a connection, sql rows, a transaction, a
// cancel func, ...), it decides on SSA whether every path from the
// acquisition to a function exit releases the resource or lets it escape.
//
// It is a non-reporting analyzer. Its result lists each acquisition with
// the paths that leak it; resourceclose, httpbody (response bodies) and
// errorlog (zerolog events never sent) report from it. What a function does with a resource passed to it
// (releases, borrows, wraps into its result, lets escape) and which of its
// results are new resources the caller owns are exported as Summary facts,
// so reasoning crosses functions and packages, under every host.
//
// The analysis errs on the side of silence: any use it does not understand
// (an interface call, a function value, a store into memory it does not
// follow) counts as the resource escaping.
package lifetime

import (
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/crash"
)

// Analyzer computes the package's acquisitions and their leaks, for the
// built-in kinds; For adds configured ones.
var Analyzer = newAnalyzer(nil)

func newAnalyzer(custom []customConstructor) *analysis.Analyzer {
	return crash.Guard(&analysis.Analyzer{
		Name:       "lifetime",
		Doc:        "computes resource acquisitions and the paths that leak them (reports nothing)",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, custom) },
		Requires:   []*analysis.Analyzer{buildssa.Analyzer},
		ResultType: reflect.TypeOf((*Result)(nil)),
		FactTypes:  []analysis.Fact{(*packageSummaries)(nil)},
	})
}

// Result is the engine's answer for one package.
type Result struct {
	Obligations []*Obligation
}

// Obligation is one acquisition and what became of it.
type Obligation struct {
	*Acquisition
	// Leaks are the paths on which it is neither released nor escapes.
	Leaks []Leak
	// Released reports whether any instruction of the function releases it
	// or lets it escape (so a leak is a missing branch, not a missing close).
	Released bool
	// Handoffs are the goroutines it is handed to that release it on some
	// paths only; their paths end there, leaking in the callee.
	Handoffs []Handoff
}

func run(pass *analysis.Pass, custom []customConstructor) (any, error) {
	ssaRes := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	s := newSummarizer(pass)
	s.custom = custom
	s.exportFacts(ssaRes.SrcFuncs)
	res := &Result{}
	for _, fn := range ssaRes.SrcFuncs {
		for _, a := range s.acquisitions(fn) {
			leaks, handoffs := a.leaks()
			res.Obligations = append(res.Obligations, &Obligation{
				Acquisition: a,
				Leaks:       leaks,
				Released:    a.everDischarged(),
				Handoffs:    handoffs,
			})
		}
	}
	if err := s.facts.Flush(); err != nil {
		return nil, err
	}
	return res, nil
}

// everDischarged reports whether any instruction of the function releases
// the resource or lets it escape.
func (a *Acquisition) everDischarged() bool {
	if a.Value == nil {
		return false
	}
	for _, b := range a.Fn.Blocks {
		for _, ins := range b.Instrs {
			if a.t.classify(ins).discharges() {
				return true
			}
		}
	}
	return false
}

// ReturnsError reports whether the acquiring call's last result is an
// error (so the assignment is followed by an error check).
func (a *Acquisition) ReturnsError() bool {
	t := a.Call.Type()
	if tuple, ok := t.(*types.Tuple); ok {
		return tuple.Len() > 0 && isError(tuple.At(tuple.Len()-1).Type())
	}
	return isError(t)
}

// Derived reports whether v carries the resource without being it: a
// value a callee built around it (io.LimitReader(resp.Body, n)).
func (a *Acquisition) Derived(v ssa.Value) bool { return a.t != nil && a.t.derived[v] }

// Tracked reports whether v is the acquisition's resource under another
// name or type.
func (a *Acquisition) Tracked(v ssa.Value) bool { return a.t != nil && a.t.aliases[v] }

// Releases reports whether ins releases the acquisition's resource.
func (a *Acquisition) Releases(ins ssa.Instruction) bool {
	return a.t != nil && a.t.classify(ins) == useRelease
}

// Escapes reports whether ins lets the resource escape (returned, stored,
// sent, or handed to a callee that keeps it).
func (a *Acquisition) Escapes(ins ssa.Instruction) bool {
	return a.t != nil && a.t.classify(ins) == useEscape
}

// EscapesAnywhere reports whether any instruction of the function lets the
// resource escape.
func (a *Acquisition) EscapesAnywhere() bool {
	for _, b := range a.Fn.Blocks {
		for _, ins := range b.Instrs {
			if a.Escapes(ins) {
				return true
			}
		}
	}
	return false
}

// MethodCalls returns the calls of the named method on the resource, in
// the function and in the closures that capture it.
func (a *Acquisition) MethodCalls(name string) []*ssa.Call {
	if a.t == nil {
		return nil
	}
	var out []*ssa.Call
	a.t.eachView(a.Fn, func(fn *ssa.Function, t *tracker) {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if call, ok := ins.(*ssa.Call); ok && t.isMethodCall(call.Common(), name) {
					out = append(out, call)
				}
			}
		}
	})
	return out
}

// EscapesBesidesOwnMethods reports whether the resource escapes anywhere
// other than into its own methods ((*sql.Rows).Scan and the like, whose
// summaries may say they keep their receiver).
func (a *Acquisition) EscapesBesidesOwnMethods() bool {
	for _, b := range a.Fn.Blocks {
		for _, ins := range b.Instrs {
			if !a.Escapes(ins) {
				continue
			}
			if call, ok := ins.(*ssa.Call); ok && a.t.isOwnMethodCall(call.Common()) {
				continue
			}
			return true
		}
	}
	return false
}

// InSameLoop reports whether blocks x and y lie on a common cycle of the
// CFG: each reaches the other.
func InSameLoop(x, y *ssa.BasicBlock) bool {
	return flow.Reaches(x, y) && flow.Reaches(y, x)
}

// CarriedToNextIteration reports whether a result of the acquiring call
// (the resource, or what it guards: the ctx of a cancel func) is used by
// the next iteration of the loop it is acquired in: it flows into a phi of
// a block above the acquisition in that loop, and from there to a use in
// the loop. Its lifetime then spans iterations by design (one timeout per
// host, reused while the host stays the same: pgx's connectPreferred), and
// it cannot be released at the end of the iteration that made it.
func (a *Acquisition) CarriedToNextIteration() bool {
	acq := a.Call.Block()
	inLoop := func(b *ssa.BasicBlock) bool { return InSameLoop(acq, b) }
	for _, r := range a.results() {
		for _, p := range phisOf(r, inLoop) {
			if p.Block().Dominates(acq) && usedInLoop(p, inLoop) {
				return true
			}
		}
	}
	return false
}

// results returns the values of the acquiring call: its Extracts, or the
// call itself.
func (a *Acquisition) results() []ssa.Value {
	if _, ok := a.Call.Type().(*types.Tuple); !ok {
		return []ssa.Value{a.Call}
	}
	var out []ssa.Value
	for _, r := range *a.Call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok {
			out = append(out, e)
		}
	}
	return out
}

// phisOf returns the phis, in blocks that in accepts, that v flows into
// through phis.
func phisOf(v ssa.Value, in func(*ssa.BasicBlock) bool) []*ssa.Phi {
	var out []*ssa.Phi
	seen := map[ssa.Value]bool{}
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			if p, ok := r.(*ssa.Phi); ok && in(p.Block()) {
				out = append(out, p)
				visit(p)
			}
		}
	}
	visit(v)
	return out
}

// usedInLoop reports whether phi p, or a phi it flows into inside the
// loop, is used by an instruction of the loop other than a phi.
func usedInLoop(p *ssa.Phi, in func(*ssa.BasicBlock) bool) bool {
	for _, q := range append([]*ssa.Phi{p}, phisOf(p, in)...) {
		for _, r := range *q.Referrers() {
			if _, isPhi := r.(*ssa.Phi); !isPhi && r.Block() != nil && in(r.Block()) {
				return true
			}
		}
	}
	return false
}
