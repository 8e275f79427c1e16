package docgen

import (
	"bytes"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers"
)

var update = flag.Bool("update", false, "rewrite the generated docs and README table from the catalog")

// TestDocsUpToDate compares every generated page with docs/ on disk and
// reports generated pages that the catalog no longer produces.
func TestDocsUpToDate(t *testing.T) {
	root := repoRoot(t)
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		compareOrUpdate(t, root, rel, files[rel])
	}
	removeOrphans(t, root, files)
}

// TestReadmeUpToDate compares the rules table between README.md's markers
// with the catalog. A checkout without a README gets a minimal one on
// -update; a README without the markers is left alone and reported.
func TestReadmeUpToDate(t *testing.T) {
	root := repoRoot(t)
	old, err := os.ReadFile(filepath.Join(root, "README.md"))
	switch {
	case os.IsNotExist(err) && *update:
		old = NewReadme()
	case err != nil:
		t.Fatal(err)
	}
	want, err := SpliceReadme(old)
	if err != nil {
		t.Fatalf("README.md: %v; put the markers where the rules table goes", err)
	}
	compareOrUpdate(t, root, "README.md", want)
}

// compareOrUpdate fails naming rel if its content on disk differs from
// want, or with -update writes want there.
func compareOrUpdate(t *testing.T, root, rel string, want []byte) {
	t.Helper()
	name := filepath.Join(root, filepath.FromSlash(rel))
	got, err := os.ReadFile(name)
	if err == nil && bytes.Equal(got, want) {
		return
	}
	if !*update {
		t.Errorf("%s is stale or missing; run: go test ./internal/docgen -update", rel)
		return
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, want, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", rel)
}

// removeOrphans fails on (or with -update deletes) generated pages in
// docs/ that files does not contain, e.g. a renamed family's old page.
// Hand-written pages, without Header, are left alone.
func removeOrphans(t *testing.T, root string, files map[string][]byte) {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range pages {
		rel := "docs/" + filepath.Base(name)
		if _, ok := files[rel]; ok || !isGenerated(t, name) {
			continue
		}
		if !*update {
			t.Errorf("%s is generated but no longer produced by the catalog; run: go test ./internal/docgen -update", rel)
			continue
		}
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
		t.Logf("removed %s", rel)
	}
}

// isGenerated reports whether the file at name starts with Header.
func isGenerated(t *testing.T, name string) bool {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.HasPrefix(b, []byte(Header))
}

// repoRoot walks up from the test's directory to the one holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// TestFamilyAnalyzers checks every family has an analyzer, so that no
// family page loses its intro.
func TestFamilyAnalyzers(t *testing.T) {
	for _, f := range analyzers.Families {
		if a := analyzers.FamilyAnalyzer(f); a == nil || a.Name != f {
			t.Errorf("FamilyAnalyzer(%q) = %v, want the %s analyzer", f, a, f)
		}
	}
}

// TestHeadingsMatchURLs checks that each own rule's URL points at the
// heading its family page has for it, so links from SARIF, explain and
// the README land on the rule.
func TestHeadingsMatchURLs(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range analyzers.Rules() {
		page := "docs/" + r.Family + ".md"
		if !bytes.Contains(files[page], []byte("\n## "+r.ID+"\n")) {
			t.Errorf("%s has no heading for %s", page, r.ID)
		}
		if r.Credit != "" {
			continue // bundled rules link to staticcheck's own docs
		}
		want := "https://github.com/reviewlint/reviewlint/blob/main/" + page + "#" + Anchor(r.ID)
		if r.URL != want {
			t.Errorf("%s: URL %s, but its heading is at %s", r.ID, r.URL, want)
		}
	}
}

// TestAnchor covers GitHub's heading anchor rules on the ID shapes we use.
func TestAnchor(t *testing.T) {
	for in, want := range map[string]string{
		"httpbody/status-unchecked": "httpbodystatus-unchecked",
		"SA1012":                    "sa1012",
		"a.b c_d":                   "ab-c_d",
	} {
		if got := Anchor(in); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", in, got, want)
		}
	}
}

// sample is a rule with every field set, for exact-output tests.
var sample = analyzers.Rule{
	ID:       "httpbody/sample",
	Family:   "httpbody",
	Title:    "a sample rule",
	Text:     "Why it matters.\nHow to fix it.",
	Bad:      "resp, _ := http.Get(u)\n\n_ = resp",
	Good:     "resp, err := http.Get(u)",
	Severity: analyzers.Warning,
	Default:  true,
	Since:    "v0.1.0",
	Credit:   "someone, MIT licence",
	URL:      "https://example.com/sample",
}

// TestExplainTextExact pins the layout `reviewlint explain` prints.
func TestExplainTextExact(t *testing.T) {
	want := `httpbody/sample: a sample rule

Family:   httpbody
Severity: warning
Default:  on
Evidence: ` + Evidence(sample) + `
Since:    v0.1.0
Credit:   someone, MIT licence

Why it matters.
How to fix it.

Bad:

    resp, _ := http.Get(u)

    _ = resp

Good:

    resp, err := http.Get(u)

Documentation: https://example.com/sample
`
	if got := ExplainText(sample); got != want {
		t.Errorf("ExplainText =\n%s\nwant\n%s", got, want)
	}
}

// TestExplainTextEveryRule checks explain prints every catalog field of
// every rule, including the off-by-default and credited ones.
func TestExplainTextEveryRule(t *testing.T) {
	for _, r := range analyzers.Rules() {
		got := ExplainText(r)
		parts := []string{r.ID + ": " + r.Title, "Severity: " + string(r.Severity), "Default:  " + onOff(r.Default), r.URL}
		if r.Credit != "" {
			parts = append(parts, "Credit:   "+r.Credit)
		}
		for _, s := range []string{r.Text, r.Bad, r.Good} {
			if line, _, _ := strings.Cut(strings.TrimSpace(s), "\n"); line != "" {
				parts = append(parts, line)
			}
		}
		for _, p := range parts {
			if !strings.Contains(got, p) {
				t.Errorf("explain %s lacks %q", r.ID, p)
			}
		}
	}
}

// TestExplainTextOmitsEmpty checks missing examples leave no empty
// sections and a missing Since reads "unreleased".
func TestExplainTextOmitsEmpty(t *testing.T) {
	r := analyzers.Rule{ID: "x/y", Title: "t", Severity: analyzers.Info}
	got := ExplainText(r)
	for _, absent := range []string{"Bad:", "Good:", "Credit:", "Documentation:"} {
		if strings.Contains(got, absent) {
			t.Errorf("ExplainText of a bare rule has %q:\n%s", absent, got)
		}
	}
	if !strings.Contains(got, "Since:    unreleased") {
		t.Errorf("ExplainText of a rule without Since:\n%s", got)
	}
}

// TestRuleSection pins the markdown of one rule's section.
func TestRuleSection(t *testing.T) {
	want := "## httpbody/sample\n\na sample rule\n\n" +
		"- Severity: warning\n- Default: on\n- Evidence: " + Evidence(sample) + "\n- Since: v0.1.0\n" +
		"- Credit: someone, MIT licence; upstream documentation: <https://example.com/sample>\n" +
		"\nWhy it matters.\nHow to fix it.\n" +
		"\nBad:\n\n```go\nresp, _ := http.Get(u)\n\n_ = resp\n```\n" +
		"\nGood:\n\n```go\nresp, err := http.Get(u)\n```\n"
	if got := ruleSection(sample); got != want {
		t.Errorf("ruleSection =\n%s\nwant\n%s", got, want)
	}
}

// TestSpliceReadme checks the table lands between the markers, the rest
// is kept, splicing twice changes nothing, and missing markers are errors.
func TestSpliceReadme(t *testing.T) {
	in := []byte("# x\n\nbefore\n" + ReadmeBegin + "\nold table\n" + ReadmeEnd + "\nafter\n")
	got, err := SpliceReadme(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "# x\n\nbefore\n" + ReadmeBegin + "\n\n" + RulesTable() + "\n" + ReadmeEnd + "\nafter\n"
	if string(got) != want {
		t.Errorf("SpliceReadme =\n%s\nwant\n%s", got, want)
	}
	if again, _ := SpliceReadme(got); !bytes.Equal(again, got) {
		t.Error("splicing twice changed the README")
	}
	for _, bad := range []string{"no markers", ReadmeBegin + " only", ReadmeEnd + " before " + ReadmeBegin} {
		if _, err := SpliceReadme([]byte(bad)); err == nil {
			t.Errorf("SpliceReadme(%q) succeeded", bad)
		}
	}
	if _, err := SpliceReadme(NewReadme()); err != nil {
		t.Errorf("NewReadme cannot be spliced: %v", err)
	}
}

// TestRulesTable checks the README table lists every rule once, linked
// into docs/.
func TestRulesTable(t *testing.T) {
	table := RulesTable()
	for _, r := range analyzers.Rules() {
		link := "[" + r.ID + "](docs/" + r.Family + ".md#" + Anchor(r.ID) + ")"
		if strings.Count(table, link) != 1 {
			t.Errorf("table lists %s %d times, want once", link, strings.Count(table, link))
		}
	}
	if got, want := strings.Count(table, "\n"), len(analyzers.Rules())+2; got != want {
		t.Errorf("table has %d lines, want %d", got, want)
	}
}

// TestMarkdownText checks indented code in catalog prose becomes its own
// markdown block, and a title with a pipe survives a table cell.
func TestMarkdownText(t *testing.T) {
	in := "Empty sections like\n    mu.Lock()\n    mu.Unlock()\nare typos."
	want := "Empty sections like\n\n    mu.Lock()\n    mu.Unlock()\n\nare typos."
	if got := markdownText(in); got != want {
		t.Errorf("markdownText =\n%s\nwant\n%s", got, want)
	}
	if got := cell("a|b"); got != `a\|b` {
		t.Errorf("cell(a|b) = %s", got)
	}
}

// TestEmptyFamilyPage checks a family without rules still gets a page
// with its intro, so links to it never break.
func TestEmptyFamilyPage(t *testing.T) {
	page := string(familyPage("errorlog", nil))
	for _, want := range []string{Header, "# errorlog", "`errorlog` reports", "no rules yet"} {
		if !strings.Contains(page, want) {
			t.Errorf("empty family page lacks %q:\n%s", want, page)
		}
	}
}
