package httpbody

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/handlers"
)

// reportUnboundedReads reports, in a handler, the calls that read the
// request body into memory with no bound: one client can then exhaust the
// server's memory. Test files are left alone, and so is a handler whose
// every route bounds the body first (a middleware, or its caller).
func reportUnboundedReads(pass *analysis.Pass, h *handlers.Result, fn *ssa.Function) {
	if !handlers.IsHandler(fn) || isTestFile(pass, fn.Pos()) {
		return
	}
	for _, p := range fn.Params {
		if !handlers.IsRequest(p) {
			continue
		}
		reads := h.UnboundedReads(fn, p)
		if len(reads) == 0 || h.BoundedRoutes(fn) {
			continue
		}
		for _, call := range reads {
			pass.Report(analysis.Diagnostic{
				Pos:      call.Pos(),
				End:      call.Pos(),
				Category: RuleUnboundedRead,
				Message: fmt.Sprintf("%s reads the body of request %s into memory without a size limit: one client can exhaust the server's memory; bound it first with %s.Body = http.MaxBytesReader(w, %s.Body, limit)",
					describeCall(pass, call), p.Name(), p.Name(), p.Name()),
			})
		}
	}
}

// describeCall names a call's callee for a message: "io.ReadAll",
// "decodeJSON" (in this package), "Decode" (a method).
func describeCall(pass *analysis.Pass, call *ssa.Call) string {
	callee := call.Common().StaticCallee()
	if callee == nil {
		return "the call"
	}
	if callee.Pkg != nil && callee.Pkg.Pkg != pass.Pkg && callee.Signature.Recv() == nil {
		return callee.Pkg.Pkg.Name() + "." + callee.Name()
	}
	return callee.Name()
}
