package chanflow_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// opsReporter reports every indexed operation with its class and whether
// the class is closed (all its operations in sight).
var opsReporter = &analysis.Analyzer{
	Name:     "opsreporter",
	Doc:      "reports chanflow's operation index (test only)",
	Requires: []*analysis.Analyzer{chanflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ops := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result).Ops()
		names := map[chanflow.OpKind]string{chanflow.Send: "send", chanflow.Recv: "recv", chanflow.Close: "close", chanflow.Wait: "wait", chanflow.Done: "done", chanflow.Add: "add", chanflow.CondWait: "condwait", chanflow.Signal: "signal"}
		for class, list := range ops.ByClass {
			for _, op := range list {
				state := "open"
				if ops.Closed(class) {
					state = "closed"
				}
				pos := op.Ins.Pos()
				if c, ok := op.Ins.(ssa.CallInstruction); ok && !pos.IsValid() {
					pos = c.Common().Pos()
				}
				pass.Reportf(pos, "%s(%s) %s", names[op.Kind], class, state)
			}
		}
		return nil, nil
	},
}

// TestOps checks classes across methods, accessors, parameters and
// goroutines, and what makes a class open.
func TestOps(t *testing.T) {
	analysistest.Run(t, ruletest.Testdata(t), opsReporter, "chanflow/ops")
}

func ExampleLocalMake() {
	fmt.Println(chanflow.LocalMake("example.com/p.make@42"), chanflow.LocalMake("example.com/p.T.ch"))
	// Output: true false
}

// sameReporter reports, for each call of a function named pair in the
// fixture, whether chanflow takes its two arguments for one object.
var sameReporter = &analysis.Analyzer{
	Name:     "samereporter",
	Doc:      "reports chanflow's Same on marked pairs (test only)",
	Requires: []*analysis.Analyzer{chanflow.Analyzer, buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[chanflow.Analyzer].(*chanflow.Result)
		for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
			for _, b := range fn.Blocks {
				for _, ins := range b.Instrs {
					call, ok := ins.(*ssa.Call)
					if !ok {
						continue
					}
					if f := call.Common().StaticCallee(); f == nil || f.Name() != "pair" {
						continue
					}
					verdict := "different"
					if res.Same(call.Call.Args[0], call.Call.Args[1]) {
						verdict = "same"
					}
					pass.Reportf(call.Pos(), "%s", verdict)
				}
			}
		}
		return nil, nil
	},
}

// TestSame checks which values are one object: a field by type and
// field, a local value through closure captures.
func TestSame(t *testing.T) {
	analysistest.Run(t, ruletest.Testdata(t), sameReporter, "chanflow/same")
}
