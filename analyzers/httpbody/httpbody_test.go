package httpbody_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// The fixtures of all rules, fixes included, run in one analysis
// (ruletest.RunFamilyWithSuggestedFixes): the net/http dependency graph
// they share is analysed once, not once a rule. Each fixture package is
// checked for the rule its path names; pending/ holds the cases still
// wrong, with inverted expectations (ruletest's pending.go).

func TestRules(t *testing.T) {
	ruletest.RunFamilyWithSuggestedFixes(t, httpbody.Analyzer,
		"httpbody/unclosed/bad", "httpbody/unclosed/good", "httpbody/unclosed/fix",
		"httpbody/status-unchecked/bad", "httpbody/status-unchecked/good",
		"httpbody/no-timeout/bad", "httpbody/no-timeout/good", "httpbody/no-timeout/fix",
		"httpbody/unbounded-read/bad", "httpbody/unbounded-read/good", "httpbody/unbounded-read/goodmw",
		"httpbody/write-after-error/bad", "httpbody/write-after-error/good", "httpbody/write-after-error/fix",
		"httpbody/undrained/bad", "httpbody/undrained/good",
		"httpbody/defer-before-check/bad", "httpbody/defer-before-check/good", "httpbody/defer-before-check/fix",
		"httpbody/server-no-timeout/bad", "httpbody/server-no-timeout/good",
		"httpbody/pprof-exposed/bad", "httpbody/pprof-exposed/badtransitive",
		"httpbody/pprof-exposed/good", "httpbody/pprof-exposed/goodnopprof",
		"httpbody/unclosed/pending", "httpbody/no-timeout/pending")
}
