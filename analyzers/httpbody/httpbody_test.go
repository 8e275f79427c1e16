package httpbody_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

func TestUnclosed(t *testing.T) {
	ruletest.Run(t, httpbody.Analyzer, httpbody.RuleUnclosed, "httpbody/unclosed/bad", "httpbody/unclosed/good")
}

func TestStatusUnchecked(t *testing.T) {
	ruletest.Run(t, httpbody.Analyzer, httpbody.RuleStatusUnchecked, "httpbody/status-unchecked/bad", "httpbody/status-unchecked/good")
}

func TestNoTimeout(t *testing.T) {
	ruletest.Run(t, httpbody.Analyzer, httpbody.RuleNoTimeout, "httpbody/no-timeout/bad", "httpbody/no-timeout/good")
	ruletest.RunWithSuggestedFixes(t, httpbody.Analyzer, httpbody.RuleNoTimeout, "httpbody/no-timeout/fix")
}
