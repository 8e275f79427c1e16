package flow_test

import (
	"go/constant"
	"go/token"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// reachingAnalyzer reports, at each call use(x) of a captured int variable
// x, the constants whose stores reach the load (and "undefined" when a
// path stores none), on the paths from the call mark() when the function
// has one.
var reachingAnalyzer = &analysis.Analyzer{
	Name:     "reaching",
	Doc:      "reports the stores flow.ReachingStores finds for the argument of use",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
			var from ssa.Instruction
			for _, b := range fn.Blocks {
				for _, ins := range b.Instrs {
					if call, ok := ins.(*ssa.Call); ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == "mark" {
						from = call
					}
				}
			}
			for _, b := range fn.Blocks {
				for _, ins := range b.Instrs {
					call, ok := ins.(*ssa.Call)
					if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "use" {
						continue
					}
					load, ok := call.Call.Args[0].(*ssa.UnOp)
					if !ok || load.Op != token.MUL {
						continue
					}
					a, ok := load.X.(*ssa.Alloc)
					if !ok {
						continue
					}
					stores, undefined := flow.ReachingStores(a, from, load)
					var vals []string
					for _, st := range stores {
						if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
							vals = append(vals, c.Value.String())
						} else {
							vals = append(vals, "?")
						}
					}
					sort.Strings(vals)
					if undefined {
						vals = append(vals, "undefined")
					}
					pass.Reportf(call.Pos(), "reaching %s", strings.Join(vals, " "))
				}
			}
		}
		return nil, nil
	},
}

func TestReachingStores(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), reachingAnalyzer, "flow/reaching")
}
