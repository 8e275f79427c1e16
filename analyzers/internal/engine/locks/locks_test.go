package locks_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// TestSummaries checks the lock contracts the engine exports as facts.
func TestSummaries(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), locks.Analyzer, "locks/summaries")
}
