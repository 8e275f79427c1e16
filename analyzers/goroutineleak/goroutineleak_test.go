package goroutineleak_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/goroutineleak"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// The fixtures of every rule, fixes included, run in one analysis; each
// fixture package is checked for the rule its path names; pending/
// packages hold the cases still wrong, with inverted expectations
// (ruletest's pending.go).
func TestRules(t *testing.T) {
	ruletest.RunFamilyWithSuggestedFixes(t, goroutineleak.Analyzer,
		"goroutineleak/blocked-send/bad", "goroutineleak/blocked-send/good", "goroutineleak/blocked-send/fix", "goroutineleak/blocked-send/pending",
		"goroutineleak/cond-loop-invariant/bad", "goroutineleak/cond-loop-invariant/good",
		"goroutineleak/cond-wait-unlocked/bad", "goroutineleak/cond-wait-unlocked/good",
		"goroutineleak/blocked-receive/bad", "goroutineleak/blocked-receive/good", "goroutineleak/blocked-receive/fix",
		"goroutineleak/waitgroup-done-missing/bad", "goroutineleak/waitgroup-done-missing/good",
		"goroutineleak/waitgroup-wait-in-loop/bad", "goroutineleak/waitgroup-wait-in-loop/good",
		"goroutineleak/time-after-loop/bad", "goroutineleak/time-after-loop/good",
		"goroutineleak/timer-drain/bad", "goroutineleak/timer-drain/good",
		"goroutineleak/nil-channel/bad", "goroutineleak/nil-channel/good",
		"goroutineleak/no-exit/bad", "goroutineleak/no-exit/good",
		"goroutineleak/wait-holding-lock/bad", "goroutineleak/wait-holding-lock/good",
		"goroutineleak/no-partner/bad", "goroutineleak/no-partner/good",
		"goroutineleak/stop-not-called/bad", "goroutineleak/stop-not-called/good",
		"goroutineleak/abandoned-send/bad", "goroutineleak/abandoned-send/good")
}

// TestFacts checks producers and consumers split across packages.
func TestFacts(t *testing.T) {
	ruletest.Run(t, goroutineleak.Analyzer, goroutineleak.RuleBlockedSend, "goroutineleak/facts/use")
}
