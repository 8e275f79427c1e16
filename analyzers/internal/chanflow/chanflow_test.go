package chanflow_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

// TestFacts checks the summaries exported for channel parameters.
func TestFacts(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), chanflow.Analyzer, "chanflow/a")
}
