package handlers_test

import (
	"fmt"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/handlers"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// TestFacts checks the Handling summaries exported for requests, readers,
// writers, handlers, routers and responses, in a package and across one.
func TestFacts(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), handlers.Analyzer, "handlers/facts/...")
}

// TestResult checks what httpbody's server-side rules ask of the Result:
// what a handler is, its error responses and what follows them, whether
// its routes bound the body, and whether a call reads a response's body
// without a look at its status.
func TestResult(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), reporter, "handlers/server", "handlers/routes", "handlers/responses")
}

// reporter reports the Result's answers on every function of a fixture.
var reporter = &analysis.Analyzer{
	Name:     "handlersreporter",
	Doc:      "reports the handlers engine's answers (test only)",
	Requires: []*analysis.Analyzer{handlers.Analyzer, buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		h := pass.ResultOf[handlers.Analyzer].(*handlers.Result)
		for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
			reportFunc(pass, h, fn)
		}
		return nil, nil
	},
}

func reportFunc(pass *analysis.Pass, h *handlers.Result, fn *ssa.Function) {
	if handlers.IsHandler(fn) {
		msg := "handler"
		if h.BoundedRoutes(fn) {
			msg += ", routes bounded"
		}
		pass.Reportf(fn.Pos(), "%s", msg)
	}
	for _, p := range fn.Params {
		if handlers.IsRequest(p) {
			for _, call := range h.UnboundedReads(fn, p) {
				pass.Reportf(call.Pos(), "unbounded read of %s", p.Name())
			}
		}
		if handlers.IsResponseWriter(p) {
			for _, ew := range handlers.ErrorWrites(p) {
				what := "error response"
				if ew.HeaderOnly {
					what = "error status"
				}
				next := "no next write"
				if n := h.NextWrite(ew); n != nil {
					next = fmt.Sprintf("next write %+d lines on", pass.Fset.Position(n.Pos()).Line-pass.Fset.Position(ew.Call.Pos()).Line)
				}
				pass.Reportf(ew.Call.Pos(), "%s; %s", what, next)
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case ssa.CallInstruction:
				if handlers.Drains(ins) {
					pass.Reportf(ins.Pos(), "drains")
				}
				for _, a := range ins.Common().Args {
					if isResponse(a.Type()) && h.ResponseReads(ins, a) {
						pass.Reportf(ins.Pos(), "reads %s unchecked", a.Name())
					}
				}
			case *ssa.MakeClosure:
				for i := range ins.Bindings {
					if h.ClosureReads(ins, i) {
						// a MakeClosure has no position of its own
						pass.Reportf(ins.Fn.Pos(), "closure reads binding %d unchecked", i)
					}
				}
			}
		}
	}
}

func isResponse(t types.Type) bool { return typematch.PointerTo(t, "net/http", "Response") }
