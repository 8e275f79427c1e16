package lifetime_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// TestSummaries checks the exported Summary facts of helper shapes that
// decide ownership in callers.
func TestSummaries(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), lifetime.Analyzer, "lifetime/summaries")
}
