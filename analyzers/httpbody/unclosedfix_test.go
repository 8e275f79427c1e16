package httpbody_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

func TestUnclosedFix(t *testing.T) {
	ruletest.RunWithSuggestedFixes(t, httpbody.Analyzer, httpbody.RuleUnclosed, "httpbody/unclosed/fix")
}
