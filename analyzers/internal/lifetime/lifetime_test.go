package lifetime_test

import (
	"path/filepath"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

// TestSummaries checks the exported Summary facts of helper shapes that
// decide ownership in callers.
func TestSummaries(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	ruletest.RunIn(t, dir, lifetime.Analyzer, "lifetime/summaries")
}
