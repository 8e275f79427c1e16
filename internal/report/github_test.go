package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers"
)

// TestGitHubAnnotations: one workflow command per finding, the command from
// the severity, the path relative to the work tree, UTF-16 columns, the
// range's end, and GitHub's escapes in the message (% CR LF) and in
// properties (also : and ,).
func TestGitHubAnnotations(t *testing.T) {
	root, file := sarifRepo(t, "")
	odd := filepath.Join(root, "x,y:z.go")
	r := &Result{
		Findings: []Finding{
			sarifFinding(file, 4),
			{Rule: "SA1012", Severity: analyzers.Warning, Message: "100% sure\nsecond line\r", File: odd, Start: Position{Line: 2, Column: 1}, End: Position{Line: 2, Column: 1}},
			{Rule: "goroutineleak/time-after-loop", Severity: analyzers.Info, Message: "a: b, c", File: file, Start: Position{Line: 1}},
		},
		Errors: []PackageError{{Package: "example.com/m/b", Message: filepath.Join(root, "b.go") + ":1:1: undefined: x"}},
	}
	var buf bytes.Buffer
	if err := (GitHub{}).Write(&buf, r, Env{Cwd: filepath.Dir(file)}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=sub dir/a.go,line=4,col=13,endLine=4,endColumn=16,title=errorlog/discarded::the error of g is discarded\n" +
		"::warning file=x%2Cy%3Az.go,line=2,col=1,title=SA1012::100%25 sure%0Asecond line%0D\n" +
		"::notice file=sub dir/a.go,line=1,title=goroutineleak/time-after-loop::a: b, c\n" +
		"::error title=reviewlint::example.com/m/b: " + filepath.Join(root, "b.go") + ":1:1: undefined: x\n"
	if buf.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
