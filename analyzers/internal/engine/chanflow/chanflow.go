// Package chanflow summarises what functions do with their channels: how
// many blocking sends one path makes on a channel parameter or captured
// channel, and whether they receive, close, guard the send with another
// select case, or let the channel escape. The summaries of channel
// parameters are facts, so a producer and a consumer split across
// functions and packages can be matched by a reporting analyzer. It also
// indexes the package's operations on channels, WaitGroups and sync.Conds
// that outlive one function (Ops), and tells whether two values are one
// object (Same). goroutineleak reads its Result through Requires.
package chanflow

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/crash"
)

// ManySends stands for "a send inside a loop": no count bounds it.
const ManySends = 1 << 20

// ChanUse summarises what a function does with one of its channels: how
// many times it sends on it on one path, and anything that makes the
// count meaningless (a guarded send, a receive, an escape).
type ChanUse struct {
	// Known: the summary holds for the parameter (facts only).
	Known bool
	// MaxSends is the most blocking sends on one path (ManySends: a loop).
	MaxSends int
	// Guarded: some send can give up (a select with another case or a
	// default), so the sender does not block forever on it.
	Guarded bool
	// Receives: the function receives on the channel.
	Receives bool
	// RecvLoop: a plain receive in a loop (a range): the function waits
	// for the channel to be closed.
	RecvLoop bool
	// GuardedRecv: some receive can give up (a select with another case or
	// a default).
	GuardedRecv bool
	// RecvMax is the most receives on one path (ManySends: a loop).
	RecvMax int
	// RecvAll: every return is preceded by a receive (a select case body
	// counts), so a call of the function takes one value on every path.
	RecvAll bool
	// Closes: the function closes the channel.
	Closes bool
	// MayReturnOpen: some path returns without closing the channel (only
	// meaningful with Closes: a producer that forgets on an early return).
	MayReturnOpen bool
	// OpenReturn is where such a path returns (this package only).
	OpenReturn token.Pos
	// Escapes: the channel goes where the analysis cannot follow it.
	Escapes bool
}

// PlainReceiver reports whether u only receives, without a way to give up:
// a consumer that blocks until the channel is sent to or closed.
func (u ChanUse) PlainReceiver() bool {
	return u.Receives && !u.GuardedRecv && u.MaxSends == 0 && !u.Guarded && !u.Closes && !u.Escapes
}

// PlainSender reports whether u only sends (and maybe closes): the shape
// whose sends can be counted against the spawner's receives.
func (u ChanUse) PlainSender() bool {
	return u.MaxSends > 0 && !u.Guarded && !u.Receives && !u.Escapes
}

// ChanParams is the fact exported for a function with channel parameters:
// what it does with each of them, so producers and consumers split across
// functions and packages are still matched.
type ChanParams struct {
	// Params holds one entry per parameter (receiver first); Known is
	// false for a parameter that is not a channel.
	Params []ChanUse
}

// AFact marks ChanParams as an analysis fact.
func (*ChanParams) AFact() {}

func (f *ChanParams) String() string {
	s := "chanparams("
	for i, u := range f.Params {
		if u.Known {
			s += fmt.Sprintf(" %d:%+v", i, u)
		}
	}
	return s + " )"
}

// Result computes ChanUse for functions of the package, with a cache
// and facts for callees in other packages.
type Result struct {
	pass  *analysis.Pass
	facts *facttable.Set[ChanParams, *packageChanParams]
	cache map[paramKey]*ChanUse
	// busy guards against recursion: a function using a parameter through
	// itself is an escape.
	busy map[paramKey]bool

	// funcs are the package's functions, closures included (for Ops).
	funcs    []*ssa.Function
	ops      *Ops
	sites    map[*ssa.Function][]*ssa.CallCommon
	makeCaps map[string][]int64
	exported map[string]bool
	classes  map[ssa.Value]string
	// elems memoizes elemFieldClass per slice field ("" when its
	// elements cannot all be followed).
	elems map[*types.Var]string
}

type paramKey struct {
	fn *ssa.Function
	i  int
}

func newResult(pass *analysis.Pass) *Result {
	return &Result{pass: pass, facts: facttable.New[ChanParams](pass, newPackageChanParams), cache: map[paramKey]*ChanUse{}, busy: map[paramKey]bool{}, makeCaps: map[string][]int64{}, exported: map[string]bool{}, classes: map[ssa.Value]string{}, elems: map[*types.Var]string{}}
}

// Param returns what fn does with its i-th parameter, from its body in this
// package or its fact from another one; nil when unknown.
func (s *Result) Param(fn *ssa.Function, i int) *ChanUse {
	key := paramKey{fn, i}
	if u, ok := s.cache[key]; ok {
		return u
	}
	if s.busy[key] {
		return nil
	}
	var u *ChanUse
	switch {
	case fn.Blocks != nil && fn.Pkg != nil && fn.Pkg.Pkg == s.pass.Pkg:
		if i < len(fn.Params) {
			s.busy[key] = true
			r := s.Values(fn, []ssa.Value{fn.Params[i]})
			delete(s.busy, key)
			u = &r
		}
	case fn.Object() != nil:
		if f, ok := s.facts.Import(fn.Object()); ok && i < len(f.Params) && f.Params[i].Known {
			u = &f.Params[i]
		}
	}
	s.cache[key] = u
	return u
}

// FreeVar returns what the closure fn does with the channel held in its
// i-th free variable (a captured variable's cell: loads give the channel).
func (s *Result) FreeVar(fn *ssa.Function, i int) ChanUse {
	vals, ok := LoadsOf(fn.FreeVars[i])
	if !ok {
		return ChanUse{Escapes: true}
	}
	return s.Values(fn, vals)
}

// LoadsOf returns the values loaded from a variable's cell, or false when
// the cell is used any other way (stored to, captured again, passed on).
func LoadsOf(cell ssa.Value) ([]ssa.Value, bool) {
	var vals []ssa.Value
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
			vals = append(vals, r)
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return vals, true
}

// Values summarises fn's operations on the channel values seeds (and the
// conversions of them).
func (s *Result) Values(fn *ssa.Function, seeds []ssa.Value) ChanUse {
	var u ChanUse
	if len(fn.Blocks) > MaxBlocks {
		return ChanUse{Escapes: true}
	}
	sends := map[*ssa.BasicBlock]int{}
	closes := map[ssa.Instruction]bool{}
	recvs := map[ssa.Instruction]bool{}
	recvBlocks := map[*ssa.BasicBlock]int{}
	flow.ExploreFrom(seeds, func(v ssa.Value) ([]ssa.Value, bool) {
		var next []ssa.Value
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Send:
				if r.Chan != v || r.X == v {
					u.Escapes = true
					continue
				}
				sends[r.Block()]++
			case *ssa.UnOp:
				if r.Op == token.ARROW {
					u.Receives = true
					u.RecvLoop = u.RecvLoop || flow.InCycle(r.Block())
					recvs[r] = true
					recvBlocks[r.Block()]++
				} else {
					u.Escapes = true
				}
			case *ssa.Select:
				s.selectUse(r, v, sends, &u)
				markSelectRecvs(r, v, recvs, recvBlocks)
			case *ssa.ChangeType:
				next = append(next, r)
			case *ssa.Call:
				s.callUse(r, v, sends, closes, recvs, recvBlocks, &u)
			case *ssa.Defer:
				if c := r.Common(); c.Value != v && IsBuiltin(c, "close") {
					closes[r] = true
					u.Closes = true // defer close(ch): the producer closes on every later path
				} else {
					u.Escapes = true
				}
			case *ssa.DebugRef:
			default:
				u.Escapes = true
			}
		}
		return next, false
	})
	u.MaxSends = maxPerPath(fn, sends)
	if u.Receives {
		u.RecvMax = maxPerPath(fn, recvBlocks)
		u.RecvAll = returnWithout(fn, recvs) == nil
	}
	if u.Closes {
		if ret := returnWithout(fn, closes); ret != nil {
			u.MayReturnOpen = true
			u.OpenReturn = ret.Pos()
		}
	}
	return u
}

// markSelectRecvs marks the bodies of sel's cases receiving from v: a path
// entering one has received.
func markSelectRecvs(sel *ssa.Select, v ssa.Value, recvs map[ssa.Instruction]bool, recvBlocks map[*ssa.BasicBlock]int) {
	for _, b := range sel.Parent().Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		k, s := SelectCase(ifi)
		if s != sel || k < 0 || k >= len(sel.States) || sel.States[k].Chan != v || sel.States[k].Dir != types.RecvOnly {
			continue
		}
		body := b.Succs[0]
		recvs[body.Instrs[0]] = true
		recvBlocks[body]++
	}
}

// SelectCase recognises the test index == k that the SSA builder emits
// after a select for its case k; sel is nil for any other If.
func SelectCase(ifi *ssa.If) (int, *ssa.Select) {
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL {
		return 0, nil
	}
	ext, ok := cmp.X.(*ssa.Extract)
	if !ok || ext.Index != 0 {
		return 0, nil
	}
	sel, ok := ext.Tuple.(*ssa.Select)
	if !ok {
		return 0, nil
	}
	c, ok := cmp.Y.(*ssa.Const)
	if !ok || c.Value == nil {
		return 0, nil
	}
	return int(c.Int64()), sel
}

// returnWithout returns a return of fn reachable from its entry without
// passing one of the instructions in marks; nil when there is none.
func returnWithout(fn *ssa.Function, marks map[ssa.Instruction]bool) *ssa.Return {
	rets := ReturnsWithout(fn, func(ins ssa.Instruction) bool { return marks[ins] })
	if len(rets) == 0 {
		return nil
	}
	return rets[0]
}

// ReturnsWithout returns the returns of fn reachable from its entry
// without passing an instruction for which stop is true, in the order a
// depth-first walk meets them.
func ReturnsWithout(fn *ssa.Function, stop func(ssa.Instruction) bool) []*ssa.Return {
	return ReturnsAvoiding(fn, stop, nil)
}

// ReturnsAvoiding is ReturnsWithout that also does not take the edges
// (block, successor index) for which skip is true; a nil skip takes every
// edge.
func ReturnsAvoiding(fn *ssa.Function, stop func(ssa.Instruction) bool, skip func(b *ssa.BasicBlock, succ int) bool) []*ssa.Return {
	var out []*ssa.Return
	flow.Explore(fn.Blocks[0], func(b *ssa.BasicBlock) ([]*ssa.BasicBlock, bool) {
		for _, ins := range b.Instrs {
			if stop(ins) {
				return nil, false
			}
			if ret, ok := ins.(*ssa.Return); ok {
				out = append(out, ret)
			}
		}
		var next []*ssa.BasicBlock
		for i, succ := range b.Succs {
			if skip == nil || !skip(b, i) {
				next = append(next, succ)
			}
		}
		return next, false
	})
	return out
}

// selectUse records a select's cases on v: a send that is the select's only
// way on blocks like a plain send; one beside other cases or a default can
// give up.
func (s *Result) selectUse(sel *ssa.Select, v ssa.Value, sends map[*ssa.BasicBlock]int, u *ChanUse) {
	for _, st := range sel.States {
		switch {
		case st.Send == v:
			u.Escapes = true
		case st.Chan != v:
		case st.Dir == types.RecvOnly:
			u.Receives = true
			if sel.Blocking && len(sel.States) == 1 {
				u.RecvLoop = u.RecvLoop || flow.InCycle(sel.Block())
			} else {
				u.GuardedRecv = true
			}
		case sel.Blocking && len(sel.States) == 1:
			sends[sel.Block()]++
		default:
			u.Guarded = true
		}
	}
}

// callUse records a call taking v: close, len and cap are harmless; a
// static callee contributes what its summary says; anything else is an
// escape.
func (s *Result) callUse(call *ssa.Call, v ssa.Value, sends map[*ssa.BasicBlock]int, closes, recvs map[ssa.Instruction]bool, recvBlocks map[*ssa.BasicBlock]int, u *ChanUse) {
	c := call.Common()
	if c.Value == v {
		u.Escapes = true
		return
	}
	switch {
	case IsBuiltin(c, "close"):
		closes[call] = true
		u.Closes = true
		return
	case IsBuiltin(c, "len"), IsBuiltin(c, "cap"):
		return
	}
	callee := c.StaticCallee()
	if callee == nil {
		u.Escapes = true
		return
	}
	for i, a := range c.Args {
		if a != v {
			continue
		}
		cu := s.Param(callee, i)
		if cu == nil {
			u.Escapes = true
			return
		}
		sends[call.Block()] += cu.MaxSends
		u.Guarded = u.Guarded || cu.Guarded
		u.Receives = u.Receives || cu.Receives
		u.RecvLoop = u.RecvLoop || cu.RecvLoop
		if cu.Receives {
			recvs[call] = cu.RecvAll
			recvBlocks[call.Block()] += cu.RecvMax
		}
		u.GuardedRecv = u.GuardedRecv || cu.GuardedRecv
		u.Closes = u.Closes || cu.Closes
		if cu.Closes && !cu.MayReturnOpen {
			closes[call] = true
		}
		u.Escapes = u.Escapes || cu.Escapes
	}
}

// maxPerPath returns the most sends one path from the entry can make, or
// ManySends when a block that sends is in a cycle.
func maxPerPath(fn *ssa.Function, sends map[*ssa.BasicBlock]int) int {
	for b, n := range sends {
		if n > 0 && flow.InCycle(b) {
			return ManySends
		}
	}
	if len(sends) == 0 || len(fn.Blocks) == 0 {
		return 0
	}
	// Longest path by relaxation: no cycle carries a send, so it settles
	// within len(Blocks) rounds.
	best := map[*ssa.BasicBlock]int{fn.Blocks[0]: sends[fn.Blocks[0]]}
	for range fn.Blocks {
		changed := false
		for _, b := range fn.Blocks {
			d, ok := best[b]
			if !ok {
				continue
			}
			for _, t := range b.Succs {
				if n := d + sends[t]; n > best[t] || !has(best, t) {
					best[t], changed = n, true
				}
			}
		}
		if !changed {
			break
		}
	}
	m := 0
	for _, d := range best {
		m = max(m, d)
	}
	return min(m, ManySends)
}

func has(m map[*ssa.BasicBlock]int, b *ssa.BasicBlock) bool {
	_, ok := m[b]
	return ok
}

// Analyzer summarises the package's functions: its result answers for
// functions of this package, its facts for the others.
var Analyzer = crash.Guard(&analysis.Analyzer{
	Name:       "chanflow",
	Doc:        "chanflow: summaries of what functions do with their channel parameters (no diagnostics)",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes:  []analysis.Fact{(*packageChanParams)(nil)},
	ResultType: reflect.TypeOf((*Result)(nil)),
	Run:        run,
})

func run(pass *analysis.Pass) (any, error) {
	r := newResult(pass)
	srcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	r.funcs = withClosures(srcs)
	r.exportFacts(srcs)
	if err := r.facts.Flush(); err != nil {
		return nil, err
	}
	return r, nil
}

// packageChanParams is the package fact that carries a package's
// ChanParams.
type packageChanParams struct{ facttable.Table[ChanParams] }

// AFact implements analysis.Fact.
func (*packageChanParams) AFact() {}

func newPackageChanParams() *packageChanParams { return new(packageChanParams) }

// exportFacts records, for every function of the package with a channel
// parameter, what it does with it.
func (s *Result) exportFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj := fn.Object()
		if obj == nil || fn.Parent() != nil {
			continue
		}
		var f ChanParams
		any := false
		for i, p := range fn.Params {
			var u *ChanUse
			if isChan(p.Type()) {
				u = s.Param(fn, i)
			}
			if u == nil {
				f.Params = append(f.Params, ChanUse{})
				continue
			}
			k := *u
			k.Known = true
			f.Params = append(f.Params, k)
			any = true
		}
		if any {
			s.facts.Export(obj, &f)
		}
	}
}

// withClosures returns fns and every function literal nested in them.
func withClosures(fns []*ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	seen := map[*ssa.Function]bool{}
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, fn := range fns {
		add(fn)
	}
	return out
}

// MaxBlocks bounds the functions summarised: bigger ones are an escape,
// never hung on.
const MaxBlocks = 400

// isChan reports whether t is a channel type.
func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// IsBuiltin reports whether call calls the builtin named name.
func IsBuiltin(call *ssa.CallCommon, name string) bool {
	b, ok := call.Value.(*ssa.Builtin)
	return ok && b.Name() == name
}

// Pkg is the package the result summarises.
func (s *Result) Pkg() *types.Package { return s.pass.Pkg }
