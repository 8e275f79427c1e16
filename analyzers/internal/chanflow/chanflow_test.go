package chanflow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers/internal/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

// TestFacts checks the summaries exported for channel parameters.
func TestFacts(t *testing.T) {
	analysistest.Run(t, ruletest.Testdata(t), chanflow.Analyzer, "chanflow/a")
}
