package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRDJSONL: one diagnostic per line with the path relative to the
// working directory, byte columns (reviewdog's unit), the rule as code,
// the fix's insertion as a zero-width suggestion, and related locations;
// rdjson wraps the same diagnostics in one result.
func TestRDJSONL(t *testing.T) {
	_, file := sarifRepo(t, "")
	r := &Result{Findings: []Finding{sarifFinding(file, 4), sarifFinding(file, 4)}}
	var buf bytes.Buffer
	if err := (RDJSONL{}).Write(&buf, r, Env{Cwd: filepath.Dir(filepath.Dir(file))}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := `{"message":"the error of g is discarded","location":{"path":"sub dir/a.go","range":{"start":{"line":4,"column":16},"end":{"line":4,"column":19}}},` +
		`"severity":"ERROR","source":{"name":"reviewlint","url":"https://github.com/reviewlint/reviewlint"},"code":{"value":"errorlog/discarded"},` +
		`"suggestions":[{"range":{"start":{"line":4,"column":16},"end":{"line":4,"column":16}},"text":"_ = "}],` +
		`"original_output":"sub dir/a.go:4:16: the error of g is discarded (errorlog/discarded)",` +
		`"related_locations":[{"message":"f starts here","location":{"path":"sub dir/a.go","range":{"start":{"line":3,"column":1},"end":{"line":3,"column":5}}}}]}`
	if len(lines) != 2 || lines[0] != want {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := (RDJSON{}).Write(&buf, r, Env{Cwd: filepath.Dir(file)}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Source      rdSource
		Diagnostics []rdDiagnostic
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Source.Name != "reviewlint" || len(doc.Diagnostics) != 2 || doc.Diagnostics[0].Location.Path != "a.go" {
		t.Fatalf("rdjson: %s", buf.String())
	}
}
