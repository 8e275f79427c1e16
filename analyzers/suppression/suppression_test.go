package suppression_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/policy"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/suppression"
)

// TestMissingReason runs the rule's fixtures through the policy wrapper,
// as every host does: suppression happens only inside the wrapper.
func TestMissingReason(t *testing.T) {
	analysistest.Run(t, ruletest.Testdata(t), wrapped(),
		"suppression/missing-reason/bad", "suppression/missing-reason/good")
}

// TestMissingReasonCategory checks the findings carry the rule ID, which
// config, directives and SARIF key on.
func TestMissingReasonCategory(t *testing.T) {
	for _, res := range analysistest.Run(t, ruletest.Testdata(t), wrapped(), "suppression/missing-reason/bad") {
		for _, d := range res.Diagnostics {
			if d.Category != suppression.RuleMissingReason {
				t.Errorf("%q has Category %q, want %q", d.Message, d.Category, suppression.RuleMissingReason)
			}
		}
	}
}

// TestUnknownRule runs the unknown-rule fixtures with the suite's own
// selector check.
func TestUnknownRule(t *testing.T) {
	for _, res := range analysistest.Run(t, ruletest.Testdata(t), wrapped(),
		"suppression/unknown-rule/bad", "suppression/unknown-rule/good") {
		for _, d := range res.Diagnostics {
			if d.Category != suppression.RuleUnknownRule {
				t.Errorf("%q has Category %q, want %q", d.Message, d.Category, suppression.RuleUnknownRule)
			}
		}
	}
}

// wrapped returns the analyzer under an empty policy (every rule on,
// nothing excluded), owning the selectors the fixtures use as the suite's
// catalog does, and knowing the catalog's selectors.
func wrapped() *analysis.Analyzer {
	cfg := suppression.DefaultConfig()
	cfg.Owns = func(s string) bool {
		return s == "sa5001" || s == "errorlog" || strings.HasPrefix(s, "errorlog/")
	}
	cfg.Known = analyzers.IsSelector
	return policy.Wrap(suppression.New(cfg), []string{"suppression"}, policy.Policy{})
}
