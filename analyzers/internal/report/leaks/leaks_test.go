package leaks_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// TestDescribe checks the description, advice, release, related
// positions and deferred-release fix of leaking acquisitions.
func TestDescribe(t *testing.T) {
	ruletest.RunInWithSuggestedFixes(t, ruletest.Testdata(t), reporter, "leaks/fix")
}

// reporter reports every leaking obligation as the reporting analyzers
// build it: Describe, then Diagnostic with DeferFix.
var reporter = &analysis.Analyzer{
	Name:     "leaksreporter",
	Doc:      "reports leaks' description of each leaking obligation (test only)",
	Requires: []*analysis.Analyzer{lifetime.Analyzer, inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		sites := leaks.IndexSites(pass.Fset, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
		for _, ob := range pass.ResultOf[lifetime.Analyzer].(*lifetime.Result).Obligations {
			if len(ob.Leaks) == 0 {
				continue
			}
			l := leaks.Describe(pass, ob, sites.At(ob.Call.Pos()))
			exit := fmt.Sprintf("leaves at line %d", l.ExitLine)
			if l.Loops() {
				exit = "loops"
			}
			msg := fmt.Sprintf("%s; %s; %s; release %s", l.What, exit, l.Advice("add a release"), l.Release())
			d := l.Diagnostic("leaks", msg, l.DeferFix(ob.Kind.Transaction))
			d.Message += fmt.Sprintf("; %d related", len(d.Related))
			pass.Report(d)
		}
		return nil, nil
	},
}
