// Package ruletest runs analysistest on one rule of a family analyzer:
// each rule has its own fixture directories, and a fixture of one rule may
// well contain what another rule of the same analyzer reports.
package ruletest

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers/internal/policy"
)

// Testdata returns the absolute path of the repository's testdata
// directory (analysistest rejects relative GOPATH entries).
func Testdata(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Only returns a keeping only rule's diagnostics.
func Only(a *analysis.Analyzer, rule string) *analysis.Analyzer {
	return policy.Wrap(a, nil, policy.Policy{Enabled: func(id string) bool { return id == rule }})
}

// Run checks rule's fixtures in pkgs.
func Run(t *testing.T, a *analysis.Analyzer, rule string, pkgs ...string) {
	t.Helper()
	analysistest.Run(t, Testdata(t), Only(a, rule), pkgs...)
}

// RunWithSuggestedFixes checks rule's fixtures and the .golden files of
// its fixes in pkgs.
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, rule string, pkgs ...string) {
	t.Helper()
	analysistest.RunWithSuggestedFixes(t, Testdata(t), Only(a, rule), pkgs...)
}
