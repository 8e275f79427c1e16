package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers"
)

// sarifRepo lays out a git work tree (a .git directory is enough for
// SourceRoot) with one Go file whose line 4 has a 2-byte rune (é, one UTF-16
// unit) and a 4-byte one (😀, two units) before the finding's column.
func sarifRepo(t *testing.T, above string) (root, file string) {
	t.Helper()
	root = t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o777); err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(root, "sub dir", "a.go")
	src := "package a\n" + above + "\nfunc f() {\n\t_ = \"é😀\"; g()\n}\n"
	if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	return root, file
}

// sarifFinding is a finding at g() on the line "\t_ = \"é😀\"; g()": byte
// column 16 (tab, `_ = "`, 2+4 bytes, `"; `), UTF-16 column 13.
func sarifFinding(file string, line int) Finding {
	return Finding{
		Rule: "errorlog/discarded", Analyzer: "errorlog", Severity: analyzers.Error, Message: "the error of g is discarded",
		File: file, Start: Position{Line: line, Column: 16}, End: Position{Line: line, Column: 19},
		Related: []Related{{File: file, Start: Position{Line: line - 1, Column: 1}, End: Position{Line: line - 1, Column: 5}, Message: "f starts here"}},
		Fixes:   []Fix{{Message: "Handle the error", Edits: []Edit{{File: file, Start: Position{Line: line, Column: 16}, End: Position{Line: line, Column: 16}, NewText: "_ = "}}}},
	}
}

func writeSARIF(t *testing.T, r *Result, cwd, sample string) []byte {
	t.Helper()
	var buf bytes.Buffer
	env := Env{Cwd: cwd, Rules: analyzers.Rules(), Version: "v9.9.9"}
	if err := (SARIF{}).Write(&buf, r, env); err != nil {
		t.Fatal(err)
	}
	if err := CheckGitHubSARIF(buf.Bytes()); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if err := SaveSARIFSample(sample, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []sarifRule
			}
		}
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
		ColumnKind         string
		Invocations        []sarifInvocation
		Results            []sarifResult
	}
}

func decodeSARIF(t *testing.T, data []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSARIFLog: the driver describes every catalog rule; a result has its
// rule's index, its level, a URI relative to %SRCROOT% (the work tree, even
// when run from a subdirectory), UTF-16 columns, a related location and a
// fix.
func TestSARIFLog(t *testing.T) {
	root, file := sarifRepo(t, "")
	r := &Result{Findings: []Finding{sarifFinding(file, 4)}}
	doc := decodeSARIF(t, writeSARIF(t, r, filepath.Dir(file), "log"))
	run := doc.Runs[0]
	if d := run.Tool.Driver; d.Name != "reviewlint" || d.Version != "v9.9.9" || d.InformationURI != InformationURI || len(d.Rules) != len(analyzers.Rules()) {
		t.Fatalf("driver: %+v", d)
	}
	if run.ColumnKind != "utf16CodeUnits" || run.OriginalURIBaseIDs[srcRoot].URI != dirURI(root) {
		t.Fatalf("run: %+v", run)
	}
	res := run.Results[0]
	rule := run.Tool.Driver.Rules[res.RuleIndex]
	if rule.ID != "errorlog/discarded" || res.Level != "error" || rule.HelpURI == "" || !strings.Contains(rule.Help.Markdown, "```go") || rule.DefaultConfiguration.Level == "" {
		t.Fatalf("result %+v, rule %+v", res, rule)
	}
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "sub%20dir/a.go" || loc.ArtifactLocation.URIBaseID != srcRoot {
		t.Fatalf("artifact: %+v", loc.ArtifactLocation)
	}
	if want := (sarifRegion{StartLine: 4, StartColumn: 13, EndLine: 4, EndColumn: 16}); *loc.Region != want {
		t.Fatalf("region %+v, want %+v", *loc.Region, want)
	}
	if len(res.RelatedLocations) != 1 || res.RelatedLocations[0].Message.Text != "f starts here" {
		t.Fatalf("related: %+v", res.RelatedLocations)
	}
	rep := res.Fixes[0].ArtifactChanges[0].Replacements[0]
	if rep.DeletedRegion != (sarifRegion{StartLine: 4, StartColumn: 13, EndLine: 4, EndColumn: 13}) || rep.InsertedContent.Text != "_ = " {
		t.Fatalf("fix: %+v", res.Fixes)
	}
}

// TestSARIFFingerprintSurvivesEdits: a line added above a finding moves it
// but keeps its fingerprint; a second identical finding in the file gets a
// different one.
func TestSARIFFingerprintSurvivesEdits(t *testing.T) {
	_, file := sarifRepo(t, "")
	before := decodeSARIF(t, writeSARIF(t, &Result{Findings: []Finding{sarifFinding(file, 4)}}, filepath.Dir(file), "fingerprint-before"))
	_, file2 := sarifRepo(t, "\n// a comment added above\n")
	after := decodeSARIF(t, writeSARIF(t, &Result{Findings: []Finding{sarifFinding(file2, 6)}}, filepath.Dir(file2), "fingerprint-after"))
	fp := func(d sarifDoc, i int) string { return d.Runs[0].Results[i].PartialFingerprints[fingerprintKey] }
	if fp(before, 0) == "" || fp(before, 0) != fp(after, 0) {
		t.Fatalf("fingerprint changed: %q vs %q", fp(before, 0), fp(after, 0))
	}
	two := decodeSARIF(t, writeSARIF(t, &Result{Findings: []Finding{sarifFinding(file, 4), sarifFinding(file, 4)}}, filepath.Dir(file), "fingerprint-twice"))
	if fp(two, 0) == fp(two, 1) {
		t.Fatal("two findings share a fingerprint")
	}
}

// TestSARIFEmptyAndErrors: no findings is an empty results list; a package
// that failed to load makes the invocation unsuccessful with a
// notification; a category missing from the catalog still gets a rule.
func TestSARIFEmptyAndErrors(t *testing.T) {
	root, file := sarifRepo(t, "")
	doc := decodeSARIF(t, writeSARIF(t, &Result{}, root, "empty"))
	if doc.Runs[0].Results == nil || !doc.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Fatalf("empty run: %+v", doc.Runs[0])
	}
	f := Finding{Rule: "adhoc", Analyzer: "adhoc", Severity: analyzers.Info, Message: "m", File: file, Start: Position{Line: 1, Column: 1}, End: Position{Line: 1, Column: 1}}
	outside := f
	outside.File = "/elsewhere/x.go"
	r := &Result{Findings: []Finding{f, outside}, Errors: []PackageError{{Package: "example.com/m/b", Message: "b.go:1:1: undefined: x"}}}
	doc = decodeSARIF(t, writeSARIF(t, r, root, "errors"))
	run := doc.Runs[0]
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].Notifications) != 1 {
		t.Fatalf("invocation: %+v", run.Invocations)
	}
	if len(run.Results) != 1 || run.Results[0].Level != "note" || run.Tool.Driver.Rules[run.Results[0].RuleIndex].ID != "adhoc" {
		t.Fatalf("results: %+v", run.Results)
	}
	if reg := run.Results[0].Locations[0].PhysicalLocation.Region; reg.EndLine != 0 || reg.StartColumn != 1 {
		t.Fatalf("a point finding has only a start: %+v", reg)
	}
	f.Start.Column, f.End.Column = 0, 0
	doc = decodeSARIF(t, writeSARIF(t, &Result{Findings: []Finding{f}}, root, "no-column"))
	if reg := doc.Runs[0].Results[0].Locations[0].PhysicalLocation.Region; reg.StartLine != 1 || reg.StartColumn != 0 {
		t.Fatalf("a finding without a column has a line-only region: %+v", reg)
	}
}

// TestUTF16Column: byte columns become UTF-16 columns; a column at the end
// of the line and an unreadable file are handled.
func TestUTF16Column(t *testing.T) {
	_, file := sarifRepo(t, "")
	s := NewSources()
	for _, c := range []struct{ line, col, want int }{{4, 1, 1}, {4, 6, 6}, {4, 7, 7}, {4, 9, 8}, {4, 13, 10}, {4, 16, 13}, {4, 19, 16}, {4, 20, 17}} {
		if got := s.UTF16Column(file, c.line, c.col); got != c.want {
			t.Errorf("line %d byte column %d: got %d, want %d", c.line, c.col, got, c.want)
		}
	}
	if got := s.UTF16Column("/nonexistent.go", 3, 7); got != 7 {
		t.Errorf("unreadable file: got %d", got)
	}
}
