package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// Effect is what a function does with a parameter that holds a resource.
type Effect uint8

// The effects, from the caller's point of view. The zero value is Escapes,
// so a callee with no summary (an interface method, a function value, a
// package analysed without facts) is assumed to take the resource: the
// analysis errs on the side of silence.
const (
	Escapes  Effect = iota // stored or handed on: the caller owes nothing
	Borrows                // only used: the caller still owes the release
	Wraps                  // put inside the result: the result carries it
	Releases               // released on every path
	// ReleasesOnError: released on every path that returns a non-nil
	// error (consul's requireOK(resp) closes the body of a bad response):
	// the caller owes nothing where that error is not nil.
	ReleasesOnError
)

func (e Effect) String() string {
	return [...]string{"escapes", "borrows", "wraps", "releases", "releases-on-error"}[e]
}

// asUse is the effect of passing the resource itself to the callee.
func (e Effect) asUse(spawned bool) use {
	switch e {
	case Borrows, Wraps, ReleasesOnError:
		if spawned {
			return useEscape // a goroutine that borrows it may outlive us
		}
		return useBorrow
	case Releases:
		return useRelease
	}
	return useEscape
}

// derivedUse is the effect of passing a value that carries the resource:
// releasing a wrapper does not release what it wraps.
func (e Effect) derivedUse(spawned bool) use {
	if e == Escapes || spawned {
		return useEscape
	}
	return useBorrow
}

// Summary is a function's contract about resources, exported for its
// *types.Func in the package's fact table (facttable) so that callers in
// other packages use it.
type Summary struct {
	// Params has one effect per parameter, the receiver first.
	Params []Effect
	// NewResults names, per result, the kind of a new resource the caller
	// owns ("" for none).
	NewResults []string
	// Targets says, per parameter whose effect is Wraps, where it is
	// wrapped into: bit j for result j, bit 32+k for parameter k
	// (bufio.NewReader wraps its argument into its result; (*Reader).reset
	// into its receiver).
	Targets []uint64
	// ErrOf says, per result, 1 + the index of the error parameter the
	// result is nil exactly when (0 for none): an error translator.
	ErrOf []int
	// Partial has bit i set when parameter i, a Borrows, is released on
	// some paths but not on every path: a function that owns what it is
	// given (it closes it) and forgets it on a path. Handed to such a
	// function as a goroutine, the resource leaks there (see handoff).
	Partial uint64
}

// AFact implements analysis.Fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	out := "params"
	for _, e := range s.Params {
		out += " " + e.String()
	}
	for i, k := range s.NewResults {
		if k != "" {
			out += " result" + string(rune('0'+i)) + "=" + k
		}
	}
	for i := range s.Params {
		if s.partial(i) {
			out += " partial" + string(rune('0'+i))
		}
	}
	return out
}

// partial reports whether parameter i is released on some paths only.
func (s *Summary) partial(i int) bool { return i < 64 && s.Partial&(1<<i) != 0 }

// packageSummaries is the package fact that carries a package's summaries.
type packageSummaries struct{ facttable.Table[Summary] }

// AFact implements analysis.Fact.
func (*packageSummaries) AFact() {}

func newPackageSummaries() *packageSummaries { return new(packageSummaries) }

// worthExporting reports whether the summary says more than the default.
func (s *Summary) worthExporting() bool {
	for _, e := range s.Params {
		if e != Escapes {
			return true
		}
	}
	for _, k := range s.NewResults {
		if k != "" {
			return true
		}
	}
	return len(s.ErrOf) > 0
}

// summarizer computes summaries of the package's functions on demand,
// memoised, and reads imported ones from facts.
type summarizer struct {
	pass       *analysis.Pass
	pkg        *types.Package
	summaries  map[*ssa.Function]*Summary
	inProgress map[*ssa.Function]bool
	computing  *ssa.Function // the function whose summary is being computed
	freeVars   map[freeVarKey]Effect
	// conditional caches releasesConditionally.
	conditional map[freeVarKey]bool
	imported    map[*types.Func]*Summary
	facts       *facttable.Set[Summary, *packageSummaries]
	custom      []customConstructor // kinds from configuration
}

type freeVarKey struct {
	fn *ssa.Function
	b  binding
}

func newSummarizer(pass *analysis.Pass) *summarizer {
	return &summarizer{
		pass:        pass,
		pkg:         pass.Pkg,
		summaries:   map[*ssa.Function]*Summary{},
		inProgress:  map[*ssa.Function]bool{},
		freeVars:    map[freeVarKey]Effect{},
		conditional: map[freeVarKey]bool{},
		imported:    map[*types.Func]*Summary{},
		facts:       facttable.New[Summary](pass, newPackageSummaries),
	}
}

// paramEffect is what fn does with its i'th parameter (receiver first).
func (s *summarizer) paramEffect(fn *ssa.Function, i int) Effect {
	sum := s.summary(fn)
	if sum == nil || i >= len(sum.Params) {
		return Escapes
	}
	return sum.Params[i]
}

// wrapTargets is where fn wraps its i'th parameter (see Summary.Targets);
// all results when the summary does not say.
func (s *summarizer) wrapTargets(fn *ssa.Function, i int) uint64 {
	sum := s.summary(fn)
	if sum == nil || i >= len(sum.Targets) {
		return 1<<paramBit - 1
	}
	return sum.Targets[i]
}

// newResult is the kind of new resource fn returns in result i, or nil.
func (s *summarizer) newResult(fn *ssa.Function, i int) *Kind {
	sum := s.summary(fn)
	if sum == nil || i >= len(sum.NewResults) {
		return nil
	}
	return s.kindNamed(sum.NewResults[i])
}

// summary returns fn's summary: computed when fn has a body here, read
// from facts otherwise; nil when unknown (or while being computed, which
// makes recursion conservative).
func (s *summarizer) summary(fn *ssa.Function) *Summary {
	if origin := fn.Origin(); origin != nil {
		fn = origin
	}
	if sum, ok := s.summaries[fn]; ok {
		return sum
	}
	if len(fn.Blocks) == 0 {
		return s.importedSummary(fn)
	}
	if s.inProgress[fn] {
		// A function calling itself adds nothing the rest of its body
		// does not already do (convertAssignRows recurses on the same
		// rows): assume it borrows. Mutual recursion stays unknown.
		if s.computing == fn {
			return borrowsAll(fn)
		}
		return nil
	}
	s.inProgress[fn] = true
	outer := s.computing
	s.computing = fn
	sum := s.compute(fn)
	s.computing = outer
	delete(s.inProgress, fn)
	s.summaries[fn] = sum
	return sum
}

// borrowsAll is the provisional summary of a function that calls itself.
func borrowsAll(fn *ssa.Function) *Summary {
	sum := &Summary{Params: make([]Effect, len(fn.Params))}
	for i := range sum.Params {
		sum.Params[i] = Borrows
	}
	return sum
}

func (s *summarizer) importedSummary(fn *ssa.Function) *Summary {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	if sum, ok := s.imported[obj]; ok {
		return sum
	}
	var sum *Summary
	if fact, ok := s.facts.Import(obj); ok {
		sum = &fact
	}
	s.imported[obj] = sum
	return sum
}

// compute summarises a function with a body.
func (s *summarizer) compute(fn *ssa.Function) *Summary {
	sum := &Summary{Params: make([]Effect, len(fn.Params))}
	returned := returnedAllocs(fn)
	params := map[ssa.Value]int{}
	for i, p := range fn.Params {
		params[p] = i
	}
	for i, p := range fn.Params {
		if !mayHoldResource(p.Type()) {
			sum.Params[i] = Borrows
			continue
		}
		t := newTracker(s, nil, p)
		t.returned, t.params = returned, params
		var partial bool
		sum.Params[i], partial = mustEffect(fn, t)
		if partial && i < 64 {
			sum.Partial |= 1 << i
		}
		if sum.Params[i] == Wraps {
			if sum.Targets == nil {
				sum.Targets = make([]uint64, len(fn.Params))
			}
			sum.Targets[i] = t.wrapInto &^ (1 << (paramBit + i))
		}
	}
	sum.NewResults = s.newResults(fn)
	sum.ErrOf = errTranslations(fn)
	return sum
}

// freeVarEffect is what closure fn does with the resource its free
// variable b carries.
func (s *summarizer) freeVarEffect(fn *ssa.Function, b binding) Effect {
	key := freeVarKey{fn, b}
	if e, ok := s.freeVars[key]; ok {
		return e
	}
	s.freeVars[key] = Escapes // recursion guard
	e := effectOf(fn, s.freeVarTracker(fn, b))
	s.freeVars[key] = e
	return e
}

// releasedByDeferredClosure reports whether a captured variable is bound
// by a closure that was deferred before st stores into it, and releases
// what the variable holds when the function returns: storing a resource in
// it hands the release to that defer (mime/multipart's readForm). A defer
// that comes after the store releases where the path reaches it.
func (s *summarizer) releasedByDeferredClosure(box *ssa.Alloc, st *ssa.Store) bool {
	for _, dc := range deferredBefore(box, st) {
		for _, b := range dc.bindings {
			if s.freeVarEffect(dc.mc.Fn.(*ssa.Function), b) == Releases {
				return true
			}
		}
	}
	return false
}

// freeVarTracker tracks, inside closure fn, the resource its free
// variable b carries.
func (s *summarizer) freeVarTracker(fn *ssa.Function, b binding) *tracker {
	fv := fn.FreeVars[b.index]
	t := newTracker(s, nil, nil)
	if b.boxed {
		for _, r := range *fv.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op == token.MUL {
					t.addAlias(r)
				}
			case *ssa.MakeClosure:
				// The variable handed on to a nested closure (a deferred
				// closure that starts a goroutine calling cancel: caddy's
				// app.go Stop).
				t.addClosure(r, fv, true)
			}
		}
	} else {
		t.addAlias(fv)
	}
	return t
}

// effectOf is the strongest thing any instruction of fn does to the
// tracked resource.
func effectOf(fn *ssa.Function, t *tracker) Effect {
	strongest := useNone
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if u := t.classify(ins); u > strongest {
				strongest = u
			}
		}
	}
	switch strongest {
	case useRelease:
		return Releases
	case useEscape:
		return Escapes
	case useWrap:
		return Wraps
	}
	return Borrows
}

// mustEffect is effectOf for a parameter, where a release counts only if
// every path releases it (or lets it escape): (*sql.Rows).Next closes the
// rows when they run out, but a caller that breaks early still owes Close.
// partial reports a Borrows that releases the parameter on some path.
func mustEffect(fn *ssa.Function, t *tracker) (e Effect, partial bool) {
	e = effectOf(fn, t)
	if e != Releases && !(e == Borrows && t.releasesOnError) {
		return e, false
	}
	w := walker{t: t, fn: fn, conds: t.condDefers(fn)}
	leaks := w.leaks(fn.Blocks[0], 0)
	if len(leaks) == 0 {
		return e, false
	}
	for _, l := range leaks {
		if l.Exit == nil || !returnsNoErrorOrReleasingError(fn, l.Exit, t) && !w.conds.releasesOnError(l) {
			return Borrows, e == Releases
		}
	}
	return ReleasesOnError, false
}

// returnsNoErrorOrReleasingError reports whether ret's error result is the
// constant nil, or the error of a call that released the resource when it
// failed: either way, a non-nil error on this path means released.
func returnsNoErrorOrReleasingError(fn *ssa.Function, ret *ssa.Return, t *tracker) bool {
	results := fn.Signature.Results()
	if results.Len() == 0 || !isError(results.At(results.Len()-1).Type()) {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	return flow.IsNilConst(last) || t.errs[last]
}

// returnedAllocs maps the allocations (new(T), &T{...}) a function
// returns to the results that return them: storing a parameter into one
// wraps it into those results. Results returned through named result
// variables (loaded from their slots) count too.
func returnedAllocs(fn *ssa.Function) map[ssa.Value]uint64 {
	out := map[ssa.Value]uint64{}
	// A named result is loaded at every return and stored on every path:
	// each slot is followed once per result and depth, or a function with
	// many returns and stores costs their product.
	type slotBit struct {
		slot  *ssa.Alloc
		bit   uint64
		depth int
	}
	followed := map[slotBit]bool{}
	var add func(v ssa.Value, bit uint64, depth int)
	add = func(v ssa.Value, bit uint64, depth int) {
		switch v := v.(type) {
		case *ssa.MakeInterface:
			add(v.X, bit, depth)
		case *ssa.ChangeType:
			add(v.X, bit, depth)
		case *ssa.Alloc:
			out[v] |= bit
		case *ssa.UnOp:
			slot, ok := v.X.(*ssa.Alloc)
			if v.Op != token.MUL || !ok || depth > 3 || followed[slotBit{slot, bit, depth}] {
				return
			}
			followed[slotBit{slot, bit, depth}] = true
			// A local struct returned by value: what is stored into its
			// fields goes out with it (tls's connectionStateLocked sets
			// state.ekm to a closure over the conn and returns state).
			out[slot] |= bit
			for _, r := range *slot.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == slot {
					add(st.Val, bit, depth+1)
				}
			}
		}
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for j, r := range ret.Results {
			add(r, 1<<j, 0)
		}
	}
	return out
}

// mayHoldResource reports whether a value of type t can be or carry a
// resource: anything but basic types.
func mayHoldResource(t types.Type) bool {
	_, basic := t.Underlying().(*types.Basic)
	return !basic
}

// exportFacts exports the summaries worth exporting of the package's
// declared functions and methods (the pass flushes them when it ends).
func (s *summarizer) exportFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != s.pkg {
			continue
		}
		if sum := s.summary(fn); sum != nil && sum.worthExporting() {
			s.facts.Export(obj, sum)
		}
	}
}
