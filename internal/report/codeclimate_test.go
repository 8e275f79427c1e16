package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestCodeClimate: GitLab's required fields, the path relative to the
// work tree, a severity on GitLab's scale, distinct fingerprints, and an
// empty list (not null) without findings.
func TestCodeClimate(t *testing.T) {
	_, file := sarifRepo(t, "")
	var buf bytes.Buffer
	r := &Result{Findings: []Finding{sarifFinding(file, 4), sarifFinding(file, 4)}}
	if err := (CodeClimate{}).Write(&buf, r, Env{Cwd: filepath.Dir(file)}); err != nil {
		t.Fatal(err)
	}
	var issues []ccIssue
	if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 2 || issues[0].Location.Path != "sub dir/a.go" || issues[0].Location.Lines.Begin != 4 || issues[0].Severity != "critical" ||
		issues[0].CheckName != "errorlog/discarded" || issues[0].Fingerprint == issues[1].Fingerprint || issues[0].Fingerprint == "" {
		t.Fatalf("issues: %s", buf.String())
	}
	buf.Reset()
	if err := (CodeClimate{}).Write(&buf, &Result{}, Env{}); err != nil || buf.String() != "[]\n" {
		t.Fatalf("empty: %q %v", buf.String(), err)
	}
}
