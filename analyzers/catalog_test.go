package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
	"github.com/reviewlint/reviewlint/internal/docgen"
)

// This file is the meta-test that keeps the catalog honest: a rule with no
// doc, no example or no fixtures is not done, whoever adds it.

// cliRules are own rules whose findings no analyzer reports: the CLI
// derives them after every analyzer has run, so they cannot have
// analysistest fixtures. Their positive and negative cases live in the
// CLI's tests instead. Each entry says why it is here.
var cliRules = map[string]string{
	// A directive is unused only if no analyzer's finding matched it in
	// the whole run; one analysis pass sees only its own findings. The CLI
	// computes it from the marker diagnostics under -check-suppressions
	// (internal/cli tests).
	"suppression/unused": "derived by the CLI from marker diagnostics",
}

var (
	bundledID = regexp.MustCompile(`^(SA\d{4}|copylocks)$`)
	kebabName = `[a-z0-9]+(-[a-z0-9]+)*`
	// wantComment is how analysistest spots an expectation.
	wantComment = regexp.MustCompile(`//\s*want\b`)
)

// TestRuleIDsUniqueAndSorted guards the property every consumer relies on:
// an ID names one rule, and listings are in a stable order.
func TestRuleIDsUniqueAndSorted(t *testing.T) {
	rules := analyzers.Rules()
	seen := map[string]bool{}
	for i, r := range rules {
		if lower := strings.ToLower(r.ID); seen[lower] {
			t.Errorf("rule ID %s is not unique (IDs are matched case-insensitively)", r.ID)
		} else {
			seen[lower] = true
		}
		if i > 0 && rules[i-1].ID >= r.ID {
			t.Errorf("rules out of order: %s before %s", rules[i-1].ID, r.ID)
		}
	}
}

// TestRuleIDFormat checks own IDs are <analyzer>/<kebab-name> and bundled
// IDs are staticcheck's, with credit.
func TestRuleIDFormat(t *testing.T) {
	for _, r := range analyzers.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if !slices.Contains(analyzers.Families, r.Family) {
				t.Errorf("family %q is not in analyzers.Families", r.Family)
			}
			if isBundled(r) {
				if r.Credit == "" {
					t.Error("bundled rule has no Credit")
				}
				return
			}
			re := regexp.MustCompile("^" + regexp.QuoteMeta(r.Analyzer) + "/" + kebabName + "$")
			if !re.MatchString(r.ID) {
				t.Errorf("ID does not match %s", re)
			}
			if r.Analyzer != r.Family {
				t.Errorf("own rule's analyzer %q differs from its family %q", r.Analyzer, r.Family)
			}
			if r.Credit != "" {
				t.Errorf("own rule has Credit %q", r.Credit)
			}
		})
	}
}

// isBundled reports whether r is a staticcheck check rather than our own:
// by ID, so that a bundled rule without Credit is still caught.
func isBundled(r analyzers.Rule) bool {
	return bundledID.MatchString(r.ID)
}

// TestRuleDocs checks the metadata `explain`, docs/ and SARIF print.
func TestRuleDocs(t *testing.T) {
	for _, r := range analyzers.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			checkTitle(t, r.Title)
			fields := []struct{ name, v string }{
				{"Text", r.Text}, {"Bad", r.Bad}, {"Good", r.Good}, {"Since", r.Since}, {"URL", r.URL},
			}
			for _, f := range fields {
				if strings.TrimSpace(f.v) == "" {
					t.Errorf("%s is empty", f.name)
				}
			}
			if r.Severity.Rank() == 0 {
				t.Errorf("severity %q is not error, warning or info", r.Severity)
			}
			if !isBundled(r) {
				checkAnchor(t, r)
			}
		})
	}
}

// checkTitle enforces the title style: one line, lowercase, no final period.
func checkTitle(t *testing.T, title string) {
	t.Helper()
	first, _ := utf8.DecodeRuneInString(title)
	switch {
	case strings.TrimSpace(title) == "":
		t.Error("Title is empty")
	case strings.Contains(title, "\n"):
		t.Errorf("Title %q spans lines", title)
	case unicode.IsUpper(first):
		t.Errorf("Title %q does not start lowercase", title)
	case strings.HasSuffix(title, "."):
		t.Errorf("Title %q ends with a period", title)
	}
}

// checkAnchor checks that an own rule's URL points at its heading in
// docs/<family>.md: GitHub's anchor for a heading that is the ID.
func checkAnchor(t *testing.T, r analyzers.Rule) {
	t.Helper()
	want := "https://github.com/reviewlint/reviewlint/blob/main/docs/" + r.Family + ".md#" + docgen.Anchor(r.ID)
	if r.URL != want {
		t.Errorf("URL = %s, want %s", r.URL, want)
	}
}

// TestFamilyDocs checks every family has an analyzer whose Doc comes from
// its doc.go, in the `NAME: title` form docs/ uses as the family intro.
func TestFamilyDocs(t *testing.T) {
	for _, name := range analyzers.Families {
		t.Run(name, func(t *testing.T) {
			a := analyzers.FamilyAnalyzer(name)
			if a == nil {
				t.Fatal("no analyzer for family; add it to analyzers' owns()")
			}
			src, err := os.ReadFile(filepath.Join(name, "doc.go"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := docutil.Extract(string(src), name)
			if err != nil {
				t.Fatal(err)
			}
			if a.Name != name || a.Doc != want {
				t.Errorf("analyzer %q has a Doc not extracted from %s/doc.go", a.Name, name)
			}
			if !strings.HasPrefix(a.Doc, name+": ") {
				t.Errorf("Doc does not start with %q", name+": ")
			}
		})
	}
}

// TestRuleFixtures checks every own rule has a positive and a negative
// fixture, and a .golden for every fixture file that expects a fix.
func TestRuleFixtures(t *testing.T) {
	src := filepath.Join(ruletest.Testdata(t), "src")
	for _, r := range analyzers.Rules() {
		if isBundled(r) {
			continue // TestBundled covers them
		}
		if _, ok := cliRules[r.ID]; ok {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join(src, filepath.FromSlash(r.ID))
			checkPositive(t, filepath.Join(dir, "bad"))
			checkNegative(t, filepath.Join(dir, "good"))
			checkGolden(t, filepath.Join(dir, "fix"))
		})
	}
}

// TestCLIRulesExist keeps cliRules from outliving the rules it excuses.
func TestCLIRulesExist(t *testing.T) {
	for id := range cliRules {
		if _, ok := analyzers.Lookup(id); !ok {
			t.Errorf("cliRules lists %s, which is not in the catalog", id)
		}
	}
}

// checkPositive requires a fixture directory with at least one // want.
func checkPositive(t *testing.T, dir string) {
	t.Helper()
	for _, src := range goFiles(t, dir) {
		if hasWant(src) {
			return
		}
	}
	t.Errorf("%s: no // want comment (positive fixtures are required)", dir)
}

// checkNegative requires a fixture directory with Go files and no // want.
func checkNegative(t *testing.T, dir string) {
	t.Helper()
	files := goFiles(t, dir)
	if len(files) == 0 {
		t.Errorf("%s: no Go files (negative fixtures are required)", dir)
	}
	for name, src := range files {
		if hasWant(src) {
			t.Errorf("%s: a negative fixture has a // want comment", name)
		}
	}
}

// checkGolden requires, where a fix directory exists, a .golden next to
// every Go file that expects a finding (the files a fix edits).
func checkGolden(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return
	}
	for name, src := range goFiles(t, dir) {
		if !hasWant(src) {
			continue
		}
		if _, err := os.Stat(name + ".golden"); err != nil {
			t.Errorf("%s expects a finding but has no .golden", name)
		}
	}
}

// goFiles reads the Go files below dir, by path; a missing dir is an error.
func goFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		files[path] = string(b)
		return err
	})
	if err != nil {
		t.Errorf("reading fixtures: %v", err)
	}
	return files
}

// hasWant reports whether Go source holds an analysistest expectation.
func hasWant(src string) bool {
	return wantComment.MatchString(src)
}
