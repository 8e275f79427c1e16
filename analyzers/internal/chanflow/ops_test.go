package chanflow_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
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
