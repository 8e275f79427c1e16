package errorlog

import (
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// contractFact summarises what a function's error result says, for the
// rules that read a callee's error: bit i of SyncsParams is set when
// every return follows a sync of the *os.File parameter i whose error is
// returned (a project's fsync helper, etcd's fileutil.Fsync); NilError
// when the error result is nil on every return, so dropping it loses
// nothing (nats-server's disableJetStream); LoggedResult when it may
// return an error it (or a callee) has already logged; Pure when its
// results depend on its operands alone: no I/O, no channel, no interface
// call, no store to a global (a parse), so its error is a function of
// the values it was given; Flattened, when its error may carry a cause
// that fmt.Errorf flattened with %v, says where ("file.go:12", in
// package FlatPkg); Benign when every error it returns is nil, an
// os.RemoveAll's or a context's Err, so a goroutine dropping it loses no
// failure (syncthing's stun Service.Serve); Sentinels when every error it
// returns is nil or a package-level error variable (return ErrNotFound),
// so its errors are outcomes a caller tests for, not causes (nats-server's
// raft.applyCommit logs the cause and returns errEntryLoadFailed);
// ChangesState, when an error it returns may be the only report that a
// change did not happen, names the state-changing call it comes from
// ("DB.ExecContext": see stateChanging), directly or through the
// package's helpers.
type contractFact struct {
	SyncsParams  uint64
	NilError     bool
	LoggedResult bool
	Pure         bool
	Flattened    string
	FlatPkg      string
	Benign       bool
	Sentinels    bool
	ChangesState string
}

func (*contractFact) AFact()         {}
func (*contractFact) String() string { return "errorContract" }

// contract returns what the callee's error result says, from this
// package's summaries or another package's facts.
func (s *logging) contract(call *ssa.CallCommon) contractFact {
	fn := call.StaticCallee()
	if fn == nil {
		return contractFact{}
	}
	if m, ok := s.contracts[fn]; ok {
		return m
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == s.pass.Pkg {
		return contractFact{}
	}
	f, ok := s.imported[obj]
	if !ok {
		f, _ = s.contractFacts.Import(obj) // f stays zero without a fact
		s.imported[obj] = f
	}
	return f
}

// summarizeContract computes fn's contract from its returns.
func (s *logging) summarizeContract(fn *ssa.Function) contractFact {
	pure := s.pureBody(fn) // of any function: a parse calls helpers without errors
	res := errorResult(fn.Signature)
	if res < 0 {
		return contractFact{Pure: pure}
	}
	rets := returns(fn)
	if len(rets) == 0 {
		return contractFact{Pure: pure} // never returns: nothing to say about its error
	}
	m := contractFact{NilError: true, LoggedResult: s.loggedResult(fn), Pure: pure}
	for _, r := range rets {
		if !s.alwaysNil(r.Results[res], 0) {
			m.NilError = false
			break
		}
	}
	fi := s.flattened(fn, res)
	m.Flattened, m.FlatPkg = fi.at, fi.pkg
	m.Benign = benignOnly(fn)
	m.Sentinels = !m.NilError && s.sentinelsOnly(rets, res)
	m.ChangesState = s.returnedStateChange(fn, rets, res)
	if fi.origin.IsValid() {
		s.flatAt[fn] = fi.origin
	}
	for i, p := range fn.Params {
		if i < 64 && typematch.PointerTo(p.Type(), "os", "File") && s.syncsBeforeEveryReturn(fn, p, rets, res) {
			m.SyncsParams |= 1 << i
		}
	}
	return m
}

// returnedStateChange names the state-changing call whose error fn may
// return as its own (as it is, or wrapped by fmt.Errorf): a standard call
// of stateChanging, or a callee whose contract says it changes state.
func (s *logging) returnedStateChange(fn *ssa.Function, rets []*ssa.Return, res int) string {
	if s.inGOROOT(fn) {
		return "" // stateChanging is the standard library's own list
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || call.Call.IsInvoke() {
				continue
			}
			what := stateCallName(call.Common())
			if what == "" {
				what = s.contract(call.Common()).ChangesState
			}
			if what != "" && errorReturned(call, rets, res) {
				return what
			}
		}
	}
	return ""
}

// inGOROOT reports whether fn's source is the Go distribution's (the
// standard library), or unknown.
func (s *logging) inGOROOT(fn *ssa.Function) bool {
	f := s.pass.Fset.File(fn.Pos())
	return f == nil || strings.HasPrefix(filepath.ToSlash(f.Name()), goroot)
}

// goroot is the standard library's source directory, slash-separated.
var goroot = filepath.ToSlash(filepath.Join(build.Default.GOROOT, "src")) + "/"

// operandOf looks through the conversion of an argument to any.
func operandOf(v ssa.Value) ssa.Value {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return v.X
	case *ssa.ChangeInterface:
		return v.X
	}
	return v
}

// returns lists fn's return instructions.
func returns(fn *ssa.Function) []*ssa.Return {
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if n := len(b.Instrs); n > 0 {
			if r, ok := b.Instrs[n-1].(*ssa.Return); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// alwaysNil reports whether the error value v is nil whatever the path:
// the nil constant, a phi of such values, or the result of a call whose
// contract says its error is always nil.
func (s *logging) alwaysNil(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !s.alwaysNil(e, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return errorResult(call.Call.Signature()) == v.Index && s.contract(call.Common()).NilError
		}
	case *ssa.Call:
		return s.contract(v.Common()).NilError
	}
	return false
}

// sentinelsOnly reports whether every error rets return is nil or a
// package-level error variable, directly or through a callee whose
// contract says the same.
func (s *logging) sentinelsOnly(rets []*ssa.Return, res int) bool {
	for _, r := range rets {
		if len(r.Results) <= res || !s.sentinel(returned(r, res), 0) {
			return false
		}
	}
	return true
}

// sentinel reports whether the error value v is nil or a package-level
// variable on every path.
func (s *logging) sentinel(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return false
		}
		switch x := v.X.(type) {
		case *ssa.Global:
			return true
		case *ssa.Alloc:
			return s.sentinelSlot(x, depth)
		}
		return false
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !s.sentinel(e, depth+1) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			c := s.contract(call.Common())
			return errorResult(call.Call.Signature()) == v.Index && (c.Sentinels || c.NilError)
		}
	case *ssa.Call:
		c := s.contract(v.Common())
		return c.Sentinels || c.NilError
	}
	return false
}

// sentinelSlot reports whether every value stored in the result slot a
// function with defers returns through is a sentinel, and nothing else
// (a deferred closure) may write it.
func (s *logging) sentinelSlot(slot *ssa.Alloc, depth int) bool {
	for _, r := range *slot.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != slot || !s.sentinel(r.Val, depth+1) {
				return false
			}
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// syncsBeforeEveryReturn reports whether some call syncing file p (its
// Sync method, or a helper whose contract says it syncs that argument)
// dominates every return of fn, and its error reaches the error result:
// then a nil error from fn means p is durable.
func (s *logging) syncsBeforeEveryReturn(fn *ssa.Function, p *ssa.Parameter, rets []*ssa.Return, res int) bool {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || !s.syncsArg(call.Common(), p) {
				continue
			}
			if dominatesAll(b, rets) && errorReturned(call, rets, res) {
				return true
			}
		}
	}
	return false
}

// syncsArg reports whether call syncs the file v: v.Sync(), or a helper
// whose contract says it syncs the argument v is passed as.
func (s *logging) syncsArg(call *ssa.CallCommon, v ssa.Value) bool {
	if isFileSync(call) {
		return call.Args[0] == v
	}
	m := s.contract(call).SyncsParams
	for i, a := range call.Args {
		if i < 64 && m&(1<<i) != 0 && a == v {
			return true
		}
	}
	return false
}

// isFileSync reports whether call is (*os.File).Sync.
func isFileSync(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	return f != nil && !call.IsInvoke() && f.Name() == "Sync" && f.Pkg() != nil && f.Pkg().Path() == "os" &&
		f.Signature().Recv() != nil && len(call.Args) == 1
}

// dominatesAll reports whether b dominates the block of every return.
func dominatesAll(b *ssa.BasicBlock, rets []*ssa.Return) bool {
	for _, r := range rets {
		if !b.Dominates(r.Block()) {
			return false
		}
	}
	return true
}

// errorReturned reports whether call's error result, or a check of it,
// decides what fn returns: it is returned directly (through phis), or it
// is compared with nil and returned on the non-nil side.
func errorReturned(call *ssa.Call, rets []*ssa.Return, res int) bool {
	errv := ssa.Value(call)
	if call.Call.Signature().Results().Len() > 1 {
		errv = nil
		for _, r := range *call.Referrers() {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == errorResult(call.Call.Signature()) {
				errv = ex
			}
		}
		if errv == nil {
			return false
		}
	}
	for _, r := range rets {
		if flowsTo(errv, r.Results[res], 0) {
			return true
		}
	}
	return false
}

// flowsTo reports whether v is to, an edge of the phis to is made of, or
// an error fmt.Errorf wraps into it.
func flowsTo(v, to ssa.Value, depth int) bool {
	if v == to {
		return true
	}
	if depth >= 8 {
		return false
	}
	switch to := to.(type) {
	case *ssa.Phi:
		for _, e := range to.Edges {
			if flowsTo(v, e, depth+1) {
				return true
			}
		}
	case *ssa.Call:
		return wrapsArg(to.Common(), v)
	}
	return false
}

// wrapsArg reports whether call is fmt.Errorf with v among its operands.
func wrapsArg(call *ssa.CallCommon, v ssa.Value) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "fmt" || f.Name() != "Errorf" || len(call.Args) != 2 {
		return false
	}
	slice, ok := call.Args[1].(*ssa.Slice)
	if !ok {
		return false
	}
	alloc, ok := slice.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				if operandOf(st.Val) == v {
					return true
				}
			}
		}
	}
	return false
}

// exportContracts exports the non-empty contracts of this package's
// functions.
func (s *logging) exportContracts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if m := s.contracts[fn]; m != (contractFact{}) && ok && obj.Pkg() == s.pass.Pkg {
			s.contractFacts.Export(obj, &m)
		}
	}
}

var _ analysis.Fact = (*contractFact)(nil)
