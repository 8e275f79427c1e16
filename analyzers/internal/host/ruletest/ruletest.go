// Package ruletest checks analyzers against their fixtures: the "// want"
// comments and .golden files of testdata/src, in analysistest's syntax
// but without its per-inheritance fact re-encoding (see harness.go). It
// also runs one rule of a family analyzer: each rule has its own fixture
// directories, and a fixture of one rule may well contain what another
// rule of the same analyzer reports.
package ruletest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/policy"
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

// Only returns a keeping only rule's diagnostics, and the internal error
// of a recovered panic, so that a crash on a fixture fails its test.
func Only(a *analysis.Analyzer, rule string) *analysis.Analyzer {
	return policy.Wrap(a, nil, policy.Policy{Enabled: func(id string) bool { return id == rule || id == policy.InternalError }})
}

// RunIn checks every diagnostic and fact of a on the fixture packages pkgs
// of the GOPATH tree testdata against their "// want" comments (inverted
// for pending fixtures, see pending.go), and returns the checker's
// actions for tests that look further.
func RunIn(t *testing.T, testdata string, a *analysis.Analyzer, pkgs ...string) []*checker.Action {
	t.Helper()
	roots := analyze(t, testdata, a, pkgs...)
	for _, act := range roots {
		if isPendingFixture(act.Package.PkgPath) {
			checkPending(t, testdata, act)
		} else {
			checkWants(t, testdata, act)
		}
	}
	return roots
}

// RunInWithSuggestedFixes is RunIn that also checks the fixes of the
// packages below a "fix" directory against their .golden files. Fixes
// elsewhere (bad/ fixtures) are not compared, so one analysis can cover a
// family's bad/, good/ and fix/ packages.
func RunInWithSuggestedFixes(t *testing.T, testdata string, a *analysis.Analyzer, pkgs ...string) []*checker.Action {
	t.Helper()
	roots := RunIn(t, testdata, a, pkgs...)
	for _, act := range roots {
		switch {
		case isFixFixture(act.Package.PkgPath) && isPendingFixture(act.Package.PkgPath):
			checkPendingGoldens(t, act)
		case isFixFixture(act.Package.PkgPath):
			checkGoldens(t, act)
		}
	}
	return roots
}

// isFixFixture reports whether a fixture package lies below a fix/
// directory ("httpbody/unclosed/fix", its test variants included).
func isFixFixture(pkgPath string) bool {
	for _, elem := range strings.Split(strings.Fields(pkgPath)[0], "/") {
		if elem == "fix" {
			return true
		}
	}
	return false
}

// Run checks rule's fixtures in pkgs.
func Run(t *testing.T, a *analysis.Analyzer, rule string, pkgs ...string) {
	t.Helper()
	RunIn(t, Testdata(t), Only(a, rule), pkgs...)
}

// RunWithSuggestedFixes checks rule's fixtures and the .golden files of
// its fixes in pkgs.
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, rule string, pkgs ...string) {
	t.Helper()
	RunInWithSuggestedFixes(t, Testdata(t), Only(a, rule), pkgs...)
}

// RunFamily checks the fixtures of several rules of one family analyzer in
// a single analysis run, so the standard library packages they import are
// loaded and analysed once rather than once per rule (each analysis of
// net/http's dependencies costs a minute of CPU). Each fixture package
// keeps only the diagnostics of the rule its path names:
// "<family>/<rule>/...".
func RunFamily(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	RunIn(t, Testdata(t), byFixtureRule(a), pkgs...)
}

// RunFamilyWithSuggestedFixes is RunFamily that also checks the .golden
// files of the fixes of the packages below a fix/ directory.
func RunFamilyWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	RunInWithSuggestedFixes(t, Testdata(t), byFixtureRule(a), pkgs...)
}

// RunFamilyMixed is RunFamilyWithSuggestedFixes in which the packages of
// allRules keep every rule's diagnostics (fixtures written against the
// whole analyzer), in the same single analysis as byRule's packages.
func RunFamilyMixed(t *testing.T, a *analysis.Analyzer, allRules []string, byRule ...string) {
	t.Helper()
	RunInWithSuggestedFixes(t, Testdata(t), byFixtureRule(a, allRules...), append(allRules, byRule...)...)
}

// byFixtureRule wraps a so that in each package, but those of allRules,
// it reports only the rule named by the package's path.
func byFixtureRule(a *analysis.Analyzer, allRules ...string) *analysis.Analyzer {
	inner := policy.Wrap(a, nil, policy.Policy{})
	w := *inner
	w.Run = func(pass *analysis.Pass) (any, error) {
		if slices.Contains(allRules, pass.Pkg.Path()) {
			return inner.Run(pass)
		}
		rule := ruleOfFixture(pass.Pkg.Path())
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			if d.Category == rule || d.Category == policy.InternalError {
				pass.Report(d) // a crash on a fixture fails its test
			}
		}
		return inner.Run(&filtered)
	}
	return &w
}

// ruleOfFixture is the rule a fixture package's path names:
// "httpbody/unclosed/bad" -> "httpbody/unclosed".
func ruleOfFixture(pkgPath string) string {
	parts := strings.SplitN(pkgPath, "/", 3)
	if len(parts) < 2 {
		return ""
	}
	return parts[0] + "/" + parts[1]
}

// Diagnostics runs a on the fixture packages pkgs and returns what it
// reports there, unfiltered and unchecked against "// want" comments, in
// report order: for tests of what an analyzer does, not of its findings.
func Diagnostics(t *testing.T, a *analysis.Analyzer, pkgs ...string) []analysis.Diagnostic {
	t.Helper()
	var out []analysis.Diagnostic
	for _, act := range analyze(t, Testdata(t), a, pkgs...) {
		out = append(out, act.Diagnostics...)
	}
	return out
}
