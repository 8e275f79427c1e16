package policy_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/policy"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// rule is the one category the test analyzer reports.
const rule = "policytest/return"

// names are the selectors Wrap gets for the test analyzer besides its
// rule ID: its name and a family.
var names = []string{"policytest", "policyfamily"}

// TestKept checks findings survive directives that do not name them.
func TestKept(t *testing.T) {
	analysistest.Run(t, ruletest.Testdata(t), policy.Wrap(returns(nil), names, policy.Policy{}), "policy/kept")
}

// TestSuppressed checks every directive form that names the finding's rule,
// analyzer, family or tool drops it.
func TestSuppressed(t *testing.T) {
	var n atomic.Int64
	analysistest.Run(t, ruletest.Testdata(t), policy.Wrap(returns(&n), names, policy.Policy{}), "policy/suppressed")
	mustHaveReported(t, &n)
}

// TestDisabled checks a rule the policy switches off is dropped.
func TestDisabled(t *testing.T) {
	var n atomic.Int64
	p := policy.Policy{Enabled: func(id string) bool { return id != rule }}
	analysistest.Run(t, ruletest.Testdata(t), policy.Wrap(returns(&n), names, p), "policy/disabled")
	mustHaveReported(t, &n)
}

// TestExcluded checks findings in an excluded file are dropped and those
// next to it kept.
func TestExcluded(t *testing.T) {
	var n atomic.Int64
	p := policy.Policy{Excluded: func(name string) bool { return filepath.Base(name) == "excluded.go" }}
	analysistest.Run(t, ruletest.Testdata(t), policy.Wrap(returns(&n), names, p), "policy/excluded")
	if n.Load() < 2 {
		t.Errorf("the test analyzer reported %d findings, want one per file", n.Load())
	}
}

// TestMarkers checks a suppression yields a MarkerUsed at the directive
// when markers are on.
func TestMarkers(t *testing.T) {
	results := analysistest.Run(t, ruletest.Testdata(t), policy.Wrap(returns(nil), names, policy.Policy{Markers: true}), "policy/markers")
	for _, res := range results {
		for _, d := range res.Diagnostics {
			if d.Message == "used" && d.Category != policy.MarkerUsed {
				t.Errorf("marker has Category %q, want %q", d.Category, policy.MarkerUsed)
			}
		}
	}
}

// TestIsMarker checks bookkeeping categories are told from rule IDs.
func TestIsMarker(t *testing.T) {
	for cat, want := range map[string]bool{
		policy.MarkerDeclared: true,
		policy.MarkerUsed:     true,
		rule:                  false,
		"SA2000":              false,
	} {
		if got := policy.IsMarker(cat); got != want {
			t.Errorf("IsMarker(%q) = %v, want %v", cat, got, want)
		}
	}
}

// returns is the test analyzer: it reports every return statement as rule
// and, if n is not nil, counts its reports, so a test that expects nothing
// can tell "dropped by the policy" from "never reported".
func returns(n *atomic.Int64) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "policytest",
		Doc:      "reports every return statement",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			ins.Preorder([]ast.Node{(*ast.ReturnStmt)(nil)}, func(node ast.Node) {
				if n != nil {
					n.Add(1)
				}
				pass.Report(analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Category: rule, Message: "return statement"})
			})
			return nil, nil
		},
	}
}

// mustHaveReported fails unless the test analyzer reported something.
func mustHaveReported(t *testing.T, n *atomic.Int64) {
	t.Helper()
	if n.Load() == 0 {
		t.Error("the test analyzer reported nothing, so the test proves nothing")
	}
}

// TestPanicBecomesFinding: an analyzer that panics on user code reports one
// internal-error finding instead of taking the whole run down.
func TestPanicBecomesFinding(t *testing.T) {
	boom := &analysis.Analyzer{
		Name: "boom",
		Doc:  "panics",
		Run:  func(*analysis.Pass) (any, error) { panic("unexpected SSA shape") },
	}
	results := analysistest.Run(&silentT{T: t}, ruletest.Testdata(t), policy.Wrap(boom, nil, policy.Policy{}), "policy/kept")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			got = append(got, d.Category+": "+d.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], policy.InternalError+": internal error in analyzer boom") || !strings.Contains(got[0], "unexpected SSA shape") {
		t.Fatalf("got %q", got)
	}
}

// silentT drops analysistest's complaints about the unexpected finding:
// the test checks it itself.
type silentT struct{ *testing.T }

func (s *silentT) Errorf(string, ...any) {}
