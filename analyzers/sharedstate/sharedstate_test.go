package sharedstate_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/sharedstate"
)

func TestLockLeak(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleLockLeak, "sharedstate/lock-leak/bad", "sharedstate/lock-leak/good")
}

func TestDoubleLock(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleDoubleLock, "sharedstate/double-lock/bad", "sharedstate/double-lock/good")
}

func TestRLockWrite(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleRLockWrite, "sharedstate/rlock-write/bad", "sharedstate/rlock-write/good")
}

func TestMixedAtomic(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleMixedAtomic, "sharedstate/mixed-atomic/bad", "sharedstate/mixed-atomic/good")
}

func TestUnguardedField(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleUnguardedField, "sharedstate/unguarded-field/bad", "sharedstate/unguarded-field/good")
}

func TestLockOrder(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleLockOrder, "sharedstate/lock-order/bad", "sharedstate/lock-order/good")
}

// TestFacts checks contracts that cross packages: dep's methods are
// summarised in dep and read as facts in use.
func TestFacts(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleDoubleLock, "sharedstate/facts/use")
}

// TestGoroutineRules checks captured-write and unguarded-global in one
// analysis (unguarded-global's fixtures import net/http).
func TestGoroutineRules(t *testing.T) {
	ruletest.RunFamily(t, sharedstate.Analyzer,
		"sharedstate/captured-write/bad", "sharedstate/captured-write/good",
		"sharedstate/unguarded-global/bad", "sharedstate/unguarded-global/good")
}
