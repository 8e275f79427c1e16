package flow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

var stopNames = map[flow.Stop]string{
	flow.Returns: "returns", flow.ExitsProcess: "exits-process",
	flow.Panics: "panics", flow.EndsGoroutine: "ends-goroutine",
}

// noReturnAnalyzer reports every call NoReturn knows never returns, with
// its kind by the table (returns: known by ctrlflow only).
var noReturnAnalyzer = &analysis.Analyzer{
	Name:     "noreturn",
	Doc:      "reports the calls flow.NoReturn knows never return",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
			for _, b := range fn.Blocks {
				for _, ins := range b.Instrs {
					if call, ok := ins.(*ssa.Call); ok && flow.NoReturn(ins) {
						pass.Reportf(call.Pos(), "noreturn %s", stopNames[flow.StdStop(call.Common())])
					}
				}
			}
		}
		return nil, nil
	},
}

func TestNoReturn(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), noReturnAnalyzer, "flow/noreturn")
}
