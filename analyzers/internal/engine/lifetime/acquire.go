package lifetime

import (
	"go/token"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// Acquisition is a call that hands a function a resource it must release.
type Acquisition struct {
	Fn   *ssa.Function
	Call *ssa.Call
	// Value is the resource: the call, or its Extract #Result; nil when
	// the result is discarded (ctx, _ := context.WithCancel(...)).
	Value  ssa.Value
	Result int
	Kind   *Kind
	// Callee is the acquiring function, for messages.
	Callee *types.Func

	t *tracker
}

// acquisitions finds the calls in fn that acquire resources: the built-in
// constructors, and functions whose summary says they return a new one.
func (s *summarizer) acquisitions(fn *ssa.Function) []*Acquisition {
	// Returning from main ends the process: nothing is owed, but for the
	// kinds the end of the process does not settle (an unsent log event).
	inMain := isMain(fn)
	var out []*Acquisition
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			obj := flow.CalleeFunc(&call.Call)
			cs := append(builtinAcquisition(obj), s.customAcquisitions(obj)...)
			if len(cs) == 0 && call.Call.IsInvoke() {
				cs = append(sqlHandleResults(call), roundTripResults(call)...)
			}
			for _, c := range cs {
				if inMain && !c.kind.OwedAtExit {
					continue
				}
				if c.result == Receiver && ownedElsewhere(call.Call.Args[0]) {
					continue
				}
				if c.kind == KindCancel && cancelsNothing(obj, call) {
					continue
				}
				if c.kind.CollectedSince != "" && !s.olderThan(call, c.kind.CollectedSince) {
					continue
				}
				out = append(out, s.newAcquisition(fn, call, obj, c.result, c.kind))
			}
			if callee, ok := call.Call.Value.(*ssa.Function); ok && !call.Call.IsInvoke() && len(cs) == 0 {
				for i := 0; i < resultCount(call); i++ {
					if k := s.newResult(callee, i); k != nil && (!inMain || k.OwedAtExit) && (k.CollectedSince == "" || s.olderThan(call, k.CollectedSince)) {
						out = append(out, s.newAcquisition(fn, call, obj, i, k))
					}
				}
			}
		}
	}
	return out
}

func (s *summarizer) newAcquisition(fn *ssa.Function, call *ssa.Call, obj *types.Func, result int, kind *Kind) *Acquisition {
	a := &Acquisition{Fn: fn, Call: call, Result: result, Kind: kind, Callee: obj}
	tuple, isTuple := call.Type().(*types.Tuple)
	switch {
	case result == Receiver:
		a.Value = call.Call.Args[0]
	case !isTuple:
		a.Value = call
	default:
		a.Value = extract(call, result)
	}
	a.t = newTracker(s, kind, nil)
	a.t.origin = call
	a.t.addAlias(a.Value)
	switch {
	case result == Receiver && isError(call.Type()):
		a.t.addErr(call)
	case isTuple && tuple.Len() > 1 && result != tuple.Len()-1 && isError(tuple.At(tuple.Len()-1).Type()):
		a.t.addErr(extract(call, tuple.Len()-1))
	}
	return a
}

// olderThan reports whether the file of call is compiled for a Go version
// older than v (by its module's go line or its //go:build line). An
// unknown version counts as recent: the rule then stays silent.
func (s *summarizer) olderThan(call *ssa.Call, v string) bool {
	for _, f := range s.pass.Files {
		if f.FileStart <= call.Pos() && call.Pos() <= f.FileEnd {
			fv := s.pass.TypesInfo.FileVersions[f]
			return fv != "" && version.Compare(fv, v) < 0
		}
	}
	return false
}

// ownedElsewhere reports whether v is loaded from a field or a global:
// s.cmd.Start() starts a command the struct owns, and its Stop method waits.
func ownedElsewhere(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	switch u.X.(type) {
	case *ssa.FieldAddr, *ssa.Global, *ssa.IndexAddr:
		return true
	}
	return false
}

// cancelsNothing reports whether a cancel func has nothing to release:
// WithCancel of context.Background() or TODO() starts no timer and is not
// registered with its parent (which is never done), so dropping it leaks
// nothing. WithTimeout and WithDeadline always start a timer.
func cancelsNothing(obj *types.Func, call *ssa.Call) bool {
	if obj.Name() != "WithCancel" && obj.Name() != "WithCancelCause" {
		return false
	}
	parent, ok := call.Call.Args[0].(*ssa.Call)
	if !ok {
		return false
	}
	fn := parent.Call.StaticCallee()
	return fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "context" && (fn.Name() == "Background" || fn.Name() == "TODO")
}

// isMain reports whether fn is package main's main function.
func isMain(fn *ssa.Function) bool {
	return fn.Name() == "main" && fn.Signature.Recv() == nil && fn.Parent() == nil &&
		fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}

// extract returns the Extract #i of a tuple-valued call, or nil.
func extract(call *ssa.Call, i int) ssa.Value {
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

func resultCount(call *ssa.Call) int {
	if t, ok := call.Type().(*types.Tuple); ok {
		return t.Len()
	}
	return 1
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return types.Identical(t, errorType) }

// newResults computes, for the summary of fn, which results are new
// resources the caller owns: an acquisition in fn that is returned still
// open (not one already released, like a response whose body was read,
// closed and replaced by a buffer).
func (s *summarizer) newResults(fn *ssa.Function) []string {
	n := fn.Signature.Results().Len()
	if n == 0 {
		return nil
	}
	var out []string
	mark := func(j int, k *Kind) {
		if !canRelease(fn.Signature.Results().At(j).Type(), k) {
			// Returned as a type the caller cannot release it through
			// (pgx's QueryRow returns its rows as a Row, whose Scan
			// closes them): the result's own contract takes over.
			return
		}
		if out == nil {
			out = make([]string, n)
		}
		out[j] = k.Name
	}
	returned := returnedAllocs(fn)
	for _, a := range s.acquisitions(fn) {
		if a.Value == nil {
			continue
		}
		if w := a.wrapper(returned); w != nil {
			for j := 0; j < n; j++ {
				if returned[w]&(1<<j) != 0 {
					mark(j, a.Kind)
				}
			}
		}
		if a.storedElsewhere() {
			continue
		}
		for _, ret := range a.openReturns() {
			if a.t.returnsReleaser(ret) {
				continue // f, func() { f.Close() }, nil: the caller calls the func
			}
			for j, r := range ret.Results {
				if a.t.aliases[r] {
					mark(j, a.Kind)
				}
			}
		}
	}
	return out
}

// returnsReleaser reports whether ret also returns a closure that
// releases the resource: the function hands out the release with it, and
// the caller owes calling that func, not closing the resource (a helper
// returning the file and its cleanup, deferred by the caller).
func (t *tracker) returnsReleaser(ret *ssa.Return) bool {
	for _, r := range ret.Results {
		if cl := t.closures[r]; cl != nil && t.closureUse(cl, false) == useRelease {
			return true
		}
	}
	return false
}

// storedElsewhere reports whether something other than a return lets the
// resource escape: then the function keeps a share of it (exec.Cmd's
// StdinPipe also records the pipe for Wait to close), and its caller is not
// the sole owner.
func (a *Acquisition) storedElsewhere() bool {
	for _, b := range a.Fn.Blocks {
		for _, ins := range b.Instrs {
			if _, ok := ins.(*ssa.Return); !ok && a.t.classify(ins) == useEscape {
				return true
			}
		}
	}
	return false
}

// sqlHandleResults treats the *sql.Rows and *sql.Stmt results of an
// interface method as new resources: only database/sql makes them, and
// its constructors all hand the caller a new one, so an implementation
// forwards one (sqlx's Preparer and Queryer, satisfied by *sql.DB). The
// same holds for pgx's Rows, which pgx's Query methods make (the
// interfaces sqlc generates over pgx's connection, pool and transaction).
func sqlHandleResults(call *ssa.Call) []constructor {
	var out []constructor
	for i := 0; i < resultCount(call); i++ {
		t := call.Type()
		if tuple, ok := t.(*types.Tuple); ok {
			t = tuple.At(i).Type()
		}
		switch {
		case typematch.PointerTo(t, "database/sql", "Rows"):
			out = append(out, constructor{result: i, kind: KindRows})
		case isPgxRows(t):
			out = append(out, constructor{result: i, kind: KindPgxRows})
		case typematch.PointerTo(t, "database/sql", "Stmt"):
			out = append(out, constructor{result: i, kind: KindStmt})
		}
	}
	return out
}

// roundTripResults treats an interface method that takes an
// *http.Request and returns exactly (*http.Response, error) as a round
// trip, like http.RoundTripper and (*http.Client).Do: the Doer seam a
// client keeps for tests. An accessor handing back an existing response
// takes no request; a client that reads and closes the body for its
// caller returns the bytes beside the response (prometheus's
// api.Client.Do), and is left alone.
func roundTripResults(call *ssa.Call) []constructor {
	sig := call.Call.Signature()
	res := sig.Results()
	if res.Len() != 2 || !typematch.PointerTo(res.At(0).Type(), "net/http", "Response") || !isError(res.At(1).Type()) {
		return nil
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if typematch.PointerTo(sig.Params().At(i).Type(), "net/http", "Request") {
			return []constructor{{result: 0, kind: KindResponse}}
		}
	}
	return nil
}

// wrapper returns the new struct fn returns with the resource stored in
// one of its fields, when that is the resource's only escape and the
// struct has a release method of the kind (sqlx's Preparex returns
// &Stmt{Stmt: s}, whose promoted Close closes s): the caller then owns
// the struct as it would the resource. Nil otherwise. The resource's own
// type must have the release method: a response is released through its
// Body, and a struct holding one is not closed by a Close of its own.
func (a *Acquisition) wrapper(returned map[ssa.Value]uint64) ssa.Value {
	if !hasMethod(a.Value.Type(), a.Kind.Release) || a.storedElsewhere() {
		return nil
	}
	var w ssa.Value
	for _, b := range a.Fn.Blocks {
		for _, ins := range b.Instrs {
			st, ok := ins.(*ssa.Store)
			if !ok || !a.t.aliases[st.Val] {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok || returned[fa.X] == 0 || (w != nil && w != fa.X) || !hasMethod(fa.X.Type(), a.Kind.Release) {
				return nil
			}
			w = fa.X
		}
	}
	return w
}

// canRelease reports whether a value of type t can release a resource of
// kind k: a method of t releases it, or its owned field's does, or calling
// it does. A type parameter is decided by its instantiation (etcd's
// createNewWALFile[T *os.File | *fileutil.LockedFile]): it counts.
func canRelease(t types.Type, k *Kind) bool {
	if _, ok := t.(*types.TypeParam); ok {
		return true
	}
	return k.CallReleases || ownedField(t) != "" || hasMethod(t, k.Release)
}

// hasMethod reports whether t's method set has one of the names.
func hasMethod(t types.Type, names []string) bool {
	ms := types.NewMethodSet(t)
	for _, n := range names {
		if sel := ms.Lookup(nil, n); sel != nil {
			return true
		}
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == n {
				return true
			}
		}
	}
	return false
}

// isPgxRows reports whether t is pgx's Rows interface (v4 or v5).
func isPgxRows(t types.Type) bool {
	return typematch.Named(t, "github.com/jackc/pgx/v5", "Rows") || typematch.Named(t, "github.com/jackc/pgx/v4", "Rows")
}
