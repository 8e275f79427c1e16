package analyzers_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// TestBundled runs every bundled staticcheck check on its fixtures through
// the analyzers analyzers.New builds, proving that each runs inside our
// policy wrapper and reports under its own ID as the Category.
func TestBundled(t *testing.T) {
	testdata := ruletest.Testdata(t)
	suite := bundledSuite(t)
	for _, r := range analyzers.Rules() {
		if r.Credit == "" {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel() // each run loads its fixtures with go list
			a := suite[r.ID]
			if a == nil {
				t.Fatalf("analyzers.New built no analyzer named %s", r.ID)
			}
			runBundled(t, testdata, a, r.ID)
		})
	}
}

// runBundled checks the bad and good fixtures of one bundled check: the
// want comments must match, bad must yield findings, and every finding
// must carry the check's ID as its Category.
func runBundled(t *testing.T, testdata string, a *analysis.Analyzer, id string) {
	bad, good := "staticcheck/"+id+"/bad", "staticcheck/"+id+"/good"
	for _, pkg := range []string{bad, good} {
		if _, err := os.Stat(filepath.Join(testdata, "src", pkg)); err != nil {
			t.Fatalf("missing fixture: %v", err)
		}
	}
	var found int
	for _, act := range ruletest.RunIn(t, testdata, a, bad, good) {
		for _, d := range act.Diagnostics {
			if d.Category != id {
				t.Errorf("%s: diagnostic %q has Category %q, want %q", act.Package.PkgPath, d.Message, d.Category, id)
			}
			if act.Package.PkgPath == bad {
				found++
			}
		}
	}
	if found == 0 {
		t.Errorf("%s reported nothing on %s", id, bad)
	}
}

// bundledSuite returns the analyzers New builds for the default config with
// every bundled check switched on (so that a check shipped off by
// default is tested too), by name.
func bundledSuite(t *testing.T) map[string]*analysis.Analyzer {
	cfg := settings.DefaultConfig()
	cfg.Enable = []string{"staticcheck", "copylocks"}
	as, err := analyzers.New(cfg, analyzers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range as {
		byName[a.Name] = a
	}
	return byName
}
