package goroutineleak_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/goroutineleak"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

func TestBlockedSend(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleBlockedSend, "goroutineleak/blocked-send/bad", "goroutineleak/blocked-send/good")
	ruletest.RunWithSuggestedFixes(t, goroutineleak.Analyzer, goroutineleak.RuleBlockedSend, "goroutineleak/blocked-send/fix")
}
