package handlers

import (
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// IsHandler reports whether fn has the shape of an http.HandlerFunc: a
// ResponseWriter and a *Request among its parameters (methods and
// closures with extra parameters included).
func IsHandler(fn *ssa.Function) bool { return handlerParams(fn.Signature) }

// handlerParams reports whether sig has a handler's parameters: a
// ResponseWriter and a *Request among them.
func handlerParams(sig *types.Signature) bool {
	var w, r bool
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		w = w || typematch.Named(t, "net/http", "ResponseWriter")
		r = r || typematch.PointerTo(t, "net/http", "Request")
	}
	return w && r
}

// IsRequest reports whether v is an *http.Request.
func IsRequest(v ssa.Value) bool { return typematch.PointerTo(v.Type(), "net/http", "Request") }

// IsResponseWriter reports whether v is an http.ResponseWriter.
func IsResponseWriter(v ssa.Value) bool {
	return typematch.Named(v.Type(), "net/http", "ResponseWriter")
}

// ErrorWrite is an error response written to a handler's writer.
type ErrorWrite struct {
	Call *ssa.Call
	W    ssa.Value
	// HeaderOnly: the error was a bare WriteHeader(>= 400), which an error
	// body may follow; only a second status line is then a second response.
	HeaderOnly bool
}

// ErrorWrites returns the error responses written to w: http.Error,
// http.NotFound and w.WriteHeader(>= 400).
func ErrorWrites(w ssa.Value) []ErrorWrite {
	var out []ErrorWrite
	for _, call := range callsTaking(w) {
		c := call.Common()
		if c.IsInvoke() {
			if c.Method.Name() == "WriteHeader" && flowsFrom(c.Value, w) && len(c.Args) == 1 && isErrorStatus(c.Args[0]) {
				out = append(out, ErrorWrite{Call: call, W: w, HeaderOnly: true})
			}
			continue
		}
		callee := c.StaticCallee()
		if callee == nil {
			continue
		}
		if i, ok := errorResponses[FuncName(callee)]; ok && i < len(c.Args) && flowsFrom(c.Args[i], w) {
			out = append(out, ErrorWrite{Call: call, W: w})
		}
	}
	return out
}

// isErrorStatus reports whether v is a constant status code >= 400.
func isErrorStatus(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(c.Value)
	return exact && n >= 400
}

// NextWrite returns a write to ew's writer reachable after ew without
// passing a return, a panic or a call that does not return; nil if none.
func (r *Result) NextWrite(ew ErrorWrite) *ssa.Call {
	start := ew.Call.Block()
	idx := 0
	for i, ins := range start.Instrs {
		if ins == ew.Call {
			idx = i + 1
		}
	}
	var found *ssa.Call
	flow.Explore(flow.At{B: start, I: idx}, func(a flow.At) ([]flow.At, bool) {
		for _, ins := range a.B.Instrs[a.I:] {
			switch ins := ins.(type) {
			case *ssa.Return, *ssa.Panic:
				return nil, false
			case *ssa.Call:
				if ins != ew.Call && r.h.writesTo(ins, ew.W, ew.HeaderOnly) {
					found = ins
					return nil, true
				}
				if flow.NoReturn(ins) {
					return nil, false // nothing more is written
				}
			}
		}
		// Pushed in reverse, so that the first successor is searched
		// first: the write found is the one a recursive walk finds.
		next := flow.AtSuccs(a.B)
		slices.Reverse(next)
		return next, false
	})
	return found
}
