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

func TestWaitGroupDoneMissing(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleWaitGroupDoneMissing, "goroutineleak/waitgroup-done-missing/bad", "goroutineleak/waitgroup-done-missing/good")
}

func TestTimeAfterLoop(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleTimeAfterLoop, "goroutineleak/time-after-loop/bad", "goroutineleak/time-after-loop/good")
}

func TestNilChannel(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleNilChannel, "goroutineleak/nil-channel/bad", "goroutineleak/nil-channel/good")
}

// TestFacts checks producers and consumers split across packages.
func TestFacts(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleBlockedSend, "goroutineleak/facts/use")
}

func TestBlockedReceive(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleBlockedReceive, "goroutineleak/blocked-receive/bad", "goroutineleak/blocked-receive/good")
	ruletest.RunWithSuggestedFixes(t, goroutineleak.Analyzer, goroutineleak.RuleBlockedReceive, "goroutineleak/blocked-receive/fix")
}

func TestNoExit(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleNoExit, "goroutineleak/no-exit/bad", "goroutineleak/no-exit/good")
}

func TestWaitHoldingLock(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleWaitHoldingLock, "goroutineleak/wait-holding-lock/bad", "goroutineleak/wait-holding-lock/good")
}

func TestNoPartner(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleNoPartner, "goroutineleak/no-partner/bad", "goroutineleak/no-partner/good")
}

func TestAbandonedSend(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleAbandonedSend, "goroutineleak/abandoned-send/bad", "goroutineleak/abandoned-send/good")
}
