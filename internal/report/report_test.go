package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

func finding(file string, line, col int, rule, msg string) Finding {
	return Finding{Rule: rule, Analyzer: rule, Severity: "warning", Message: msg, File: file,
		Start: Position{Line: line, Column: col}, End: Position{Line: line, Column: col}}
}

// TestSortDeduplicates: findings come out by file, line, column, rule, and
// a diagnostic reported for a package and its test variant appears once.
func TestSortDeduplicates(t *testing.T) {
	r := &Result{Findings: []Finding{
		finding("/m/b.go", 1, 1, "x/a", "m"),
		finding("/m/a.go", 9, 2, "x/b", "m"),
		finding("/m/a.go", 9, 2, "x/a", "m"),
		finding("/m/a.go", 3, 5, "x/a", "m"),
		finding("/m/a.go", 3, 5, "x/a", "m"),
	}}
	r.Sort()
	var got []string
	for _, f := range r.Findings {
		got = append(got, filepath.Base(f.File)+":"+f.Rule)
	}
	want := []string{"a.go:x/a", "a.go:x/a", "a.go:x/b", "b.go:x/a"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// TestTextRelativePaths: text output is file:line:col: message (rule),
// relative to the working directory when below it.
func TestTextRelativePaths(t *testing.T) {
	r := &Result{Findings: []Finding{finding("/m/p/a.go", 3, 5, "x/a", "bad thing"), finding("/other/b.go", 1, 1, "x/a", "elsewhere")}}
	var buf bytes.Buffer
	if err := (Text{}).Write(&buf, r, Env{Cwd: "/m"}); err != nil {
		t.Fatal(err)
	}
	want := "p/a.go:3:5: bad thing (x/a)\n/other/b.go:1:1: elsewhere (x/a)\n"
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
}

// TestJSONSchema: the JSON document has the documented top-level keys,
// empty lists rather than null, and relative file names everywhere.
func TestJSONSchema(t *testing.T) {
	f := finding("/m/a.go", 3, 5, "x/a", "m")
	f.Fixes = []Fix{{Message: "Fix it", Edits: []Edit{{File: "/m/a.go", NewText: "y"}}}}
	var buf bytes.Buffer
	if err := (JSON{}).Write(&buf, &Result{Findings: []Finding{f}}, Env{Cwd: "/m", Version: "v1"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version  int
		Tool     map[string]string
		Findings []map[string]any
		Errors   []any
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != JSONSchemaVersion || doc.Tool["name"] != "reviewlint" || doc.Errors == nil || len(doc.Findings) != 1 {
		t.Fatalf("unexpected document: %s", buf.String())
	}
	if doc.Findings[0]["file"] != "a.go" {
		t.Fatalf("file not relative: %v", doc.Findings[0]["file"])
	}
	fixes := doc.Findings[0]["suggested_fixes"].([]any)
	edit := fixes[0].(map[string]any)["edits"].([]any)[0].(map[string]any)
	if edit["file"] != "a.go" {
		t.Fatalf("edit file not relative: %v", edit["file"])
	}
	if f.Fixes[0].Edits[0].File != "/m/a.go" {
		t.Fatal("writer modified the caller's finding")
	}
}
