package lifetime

import (
	"go/token"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/ssa"
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
	if isMain(fn) {
		// Returning from main ends the process: nothing is owed.
		return nil
	}
	var out []*Acquisition
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			obj := calleeObject(&call.Call)
			cs := append(builtinAcquisition(obj), s.customAcquisitions(obj)...)
			for _, c := range cs {
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
					if k := s.newResult(callee, i); k != nil && (k.CollectedSince == "" || s.olderThan(call, k.CollectedSince)) {
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
	a.t = newTracker(s, kind, a.Value)
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
	for _, a := range s.acquisitions(fn) {
		if a.Value == nil || a.storedElsewhere() {
			continue
		}
		for _, ret := range a.openReturns() {
			for j, r := range ret.Results {
				if a.t.aliases[r] {
					if out == nil {
						out = make([]string, n)
					}
					out[j] = a.Kind.Name
				}
			}
		}
	}
	return out
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
