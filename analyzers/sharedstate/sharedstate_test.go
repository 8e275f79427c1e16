package sharedstate_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/sharedstate"
)

// The fixtures of every rule run in one analysis (unguarded-global's
// import net/http); each fixture package is checked for the rule its path
// names, but the good/ packages of unguarded-field and
// unguarded-field-inferred, the negatives of the one guard inference both
// report from, in which no rule may report anything.
func TestRules(t *testing.T) {
	ruletest.RunFamilyMixed(t, sharedstate.Analyzer, []string{"sharedstate/unguarded-field/good", "sharedstate/unguarded-field-inferred/good"},
		"sharedstate/lock-leak/bad", "sharedstate/lock-leak/good",
		"sharedstate/double-lock/bad", "sharedstate/double-lock/good",
		"sharedstate/rlock-write/bad", "sharedstate/rlock-write/good",
		"sharedstate/mixed-atomic/bad", "sharedstate/mixed-atomic/good",
		"sharedstate/unguarded-field/bad", "sharedstate/unguarded-field-inferred/bad", "sharedstate/unguarded-field-inferred/pending",
		"sharedstate/lock-order/bad", "sharedstate/lock-order/good",
		"sharedstate/captured-write/bad", "sharedstate/captured-write/good",
		"sharedstate/unguarded-global/bad", "sharedstate/unguarded-global/good",
		"sharedstate/annotated-guard/bad", "sharedstate/annotated-guard/good")
}

// TestFacts checks contracts that cross packages: dep's methods are
// summarised in dep and read as facts in use.
func TestFacts(t *testing.T) {
	ruletest.Run(t, sharedstate.Analyzer, sharedstate.RuleDoubleLock, "sharedstate/facts/use")
}
