package analyzers_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"
)

// TestDefaultsFollowEvidence enforces the default policy: each rule's
// Default is what its measured evidence on the corpus decides
// (catalog.Evidence.Decide), and the evidence rests on enough triage.
func TestDefaultsFollowEvidence(t *testing.T) {
	for _, r := range analyzers.Rules() {
		if _, ok := catalog.Unmeasured[r.ID]; ok {
			continue
		}
		ev, on, why := r.Policy()
		if !ev.EnoughTriaged() {
			t.Errorf("%s: %d findings, only %d triaged: triage at least %d (bench/README.md, Triage)",
				r.ID, ev.Findings(), ev.TP+ev.FP+ev.Unsure, min(ev.Findings(), catalog.MinTriageSample))
		}
		if r.Default != on {
			t.Errorf("%s: Default is %v, but the evidence decides %v: %s", r.ID, r.Default, on, why)
		}
	}
}

// TestEvidenceNamesRules keeps evidence.tsv from naming rules that do not exist.
func TestEvidenceNamesRules(t *testing.T) {
	bench, err := os.ReadFile(filepath.Join(ruletest.Testdata(t), "..", "bench", "results", "precision.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	copied, err := os.ReadFile(filepath.Join(ruletest.Testdata(t), "..", "analyzers", "internal", "meta", "catalog", "evidence.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(bench) != string(copied) {
		t.Errorf("analyzers/internal/meta/catalog/evidence.tsv is not bench/results/precision.tsv: copy it")
	}
	for id := range catalog.MeasuredEvidence {
		if _, ok := analyzers.Lookup(id); !ok {
			t.Errorf("evidence.tsv names %s, which is not in the catalog", id)
		}
	}
}

func TestDecide(t *testing.T) {
	c := catalog.Corpus{Lines: 1_000_000}
	for _, tc := range []struct {
		name string
		ev   catalog.Evidence
		sev  catalog.Severity
		on   bool
	}{
		{"no findings", catalog.Evidence{}, catalog.Warning, true},
		{"precise", catalog.Evidence{LibraryFindings: 10, TP: 9, FP: 1}, catalog.Warning, true},
		{"imprecise", catalog.Evidence{ApplicationFindings: 10, TP: 8, FP: 2}, catalog.Warning, false},
		{"error with a false positive", catalog.Evidence{LibraryFindings: 20, TP: 19, FP: 1}, catalog.Error, false},
		{"precise but noisy", catalog.Evidence{ApplicationFindings: 400, TP: 18, FP: 2}, catalog.Warning, false},
		{"only unsure", catalog.Evidence{LibraryFindings: 3, Unsure: 3}, catalog.Warning, false},
	} {
		if on, why := tc.ev.Decide(tc.sev, c); on != tc.on {
			t.Errorf("%s: Decide = %v (%s), want %v", tc.name, on, why, tc.on)
		}
	}
}

// TestDefaultFixtureRecall reports, per family, the share of the positive
// fixture expectations (the "// want" lines of every rule's bad/ and fix/
// fixtures) that the default configuration finds: those of the rules that
// are on. Issue #14 asks for at least 90% on goroutineleak, sharedstate,
// errorlog and httpbody; `go test -run DefaultFixtureRecall -v ./analyzers`
// prints the table.
func TestDefaultFixtureRecall(t *testing.T) {
	src := filepath.Join(ruletest.Testdata(t), "src")
	type tally struct{ on, all int }
	byFamily := map[string]*tally{}
	for _, r := range analyzers.Rules() {
		if isBundled(r) {
			continue
		}
		n := 0
		for _, sub := range []string{"bad", "fix"} {
			dir := filepath.Join(src, filepath.FromSlash(r.ID), sub)
			if _, err := os.Stat(dir); err != nil {
				continue
			}
			for _, text := range goFiles(t, dir) {
				n += len(wantComment.FindAllString(text, -1))
			}
		}
		f := byFamily[r.Family]
		if f == nil {
			f = &tally{}
			byFamily[r.Family] = f
		}
		f.all += n
		if r.Default {
			f.on += n
		}
	}
	for _, fam := range analyzers.Families {
		if f := byFamily[fam]; f != nil && f.all > 0 {
			t.Logf("%-14s default finds %4d of %4d positive expectations (%3.0f%%)", fam, f.on, f.all, 100*float64(f.on)/float64(f.all))
		}
	}
}
