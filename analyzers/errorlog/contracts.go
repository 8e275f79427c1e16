package errorlog

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/typematch"
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
// raft.applyCommit logs the cause and returns errEntryLoadFailed).
type contractFact struct {
	SyncsParams  uint64
	NilError     bool
	LoggedResult bool
	Pure         bool
	Flattened    string
	FlatPkg      string
	Benign       bool
	Sentinels    bool
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
		s.pass.ImportObjectFact(obj, &f) // f stays zero without a fact
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
	f := calleeFunc(call)
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

// flowsTo reports whether v is to, or an edge of the phis to is made of.
func flowsTo(v, to ssa.Value, depth int) bool {
	if v == to {
		return true
	}
	if phi, ok := to.(*ssa.Phi); ok && depth < 8 {
		for _, e := range phi.Edges {
			if flowsTo(v, e, depth+1) {
				return true
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
			s.pass.ExportObjectFact(obj, &m)
		}
	}
}

var _ analysis.Fact = (*contractFact)(nil)
