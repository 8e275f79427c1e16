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

func TestUnboundedRead(t *testing.T) {
	ruletest.Run(t, httpbody.Analyzer, httpbody.RuleUnboundedRead, "httpbody/unbounded-read/bad", "httpbody/unbounded-read/good", "httpbody/unbounded-read/goodmw")
}

func TestWriteAfterError(t *testing.T) {
	ruletest.Run(t, httpbody.Analyzer, httpbody.RuleWriteAfterError, "httpbody/write-after-error/bad", "httpbody/write-after-error/good")
	ruletest.RunWithSuggestedFixes(t, httpbody.Analyzer, httpbody.RuleWriteAfterError, "httpbody/write-after-error/fix")
}

func TestUndrained(t *testing.T) {
	ruletest.Run(t, httpbody.Analyzer, httpbody.RuleUndrained, "httpbody/undrained/bad", "httpbody/undrained/good")
}
