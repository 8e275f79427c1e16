package ssautil_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/internal/ssautil"
)

var stopNames = map[ssautil.Stop]string{
	ssautil.Returns: "returns", ssautil.ExitsProcess: "exits-process",
	ssautil.Panics: "panics", ssautil.EndsGoroutine: "ends-goroutine",
}

// noReturnAnalyzer reports every call NoReturn knows never returns, with
// its kind by the table (returns: known by ctrlflow only).
var noReturnAnalyzer = &analysis.Analyzer{
	Name:     "noreturn",
	Doc:      "reports the calls ssautil.NoReturn knows never return",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
			for _, b := range fn.Blocks {
				for _, ins := range b.Instrs {
					if call, ok := ins.(*ssa.Call); ok && ssautil.NoReturn(ins) {
						pass.Reportf(call.Pos(), "noreturn %s", stopNames[ssautil.StdStop(call.Common())])
					}
				}
			}
		}
		return nil, nil
	},
}

func TestNoReturn(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), noReturnAnalyzer, "ssautil/noreturn")
}
