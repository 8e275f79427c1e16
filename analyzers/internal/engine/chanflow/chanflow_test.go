package chanflow_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// TestFacts checks the summaries exported for channel parameters.
func TestFacts(t *testing.T) {
	ruletest.RunIn(t, ruletest.Testdata(t), chanflow.Analyzer, "chanflow/a")
}
