package httpbody_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

// The fixtures of all rules run in one analysis (ruletest.RunFamily): the
// net/http dependency graph they share is analysed once, not once a rule.
// Each fixture package is checked for the rule its path names.

func TestRules(t *testing.T) {
	t.Parallel()
	ruletest.RunFamily(t, httpbody.Analyzer,
		"httpbody/unclosed/bad", "httpbody/unclosed/good",
		"httpbody/status-unchecked/bad", "httpbody/status-unchecked/good",
		"httpbody/no-timeout/bad", "httpbody/no-timeout/good",
		"httpbody/unbounded-read/bad", "httpbody/unbounded-read/good", "httpbody/unbounded-read/goodmw",
		"httpbody/write-after-error/bad", "httpbody/write-after-error/good",
		"httpbody/undrained/bad", "httpbody/undrained/good")
}

func TestFixes(t *testing.T) {
	t.Parallel()
	ruletest.RunFamilyWithSuggestedFixes(t, httpbody.Analyzer,
		"httpbody/unclosed/fix", "httpbody/no-timeout/fix", "httpbody/write-after-error/fix")
}
