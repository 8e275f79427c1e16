package lifetime_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers/internal/lifetime"
)

// TestSummaries checks the exported Summary facts of helper shapes that
// decide ownership in callers.
func TestSummaries(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, lifetime.Analyzer, "lifetime/summaries")
}
