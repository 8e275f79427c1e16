package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers"
)

// TestCheckstyle: findings grouped by file, relative paths, severities and
// rules as attributes, XML escaping of the message.
func TestCheckstyle(t *testing.T) {
	r := &Result{Findings: []Finding{
		finding("/m/a.go", 3, 5, "x/a", `a <b> & "c"`),
		finding("/m/a.go", 9, 2, "x/b", "m"),
		{Rule: "x/c", Severity: analyzers.Info, Message: "i", File: "/m/p/b.go", Start: Position{Line: 1, Column: 1}},
	}}
	var buf bytes.Buffer
	if err := (Checkstyle{}).Write(&buf, r, Env{Cwd: "/m"}); err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="a.go">
    <error line="3" column="5" severity="warning" message="a &lt;b&gt; &amp; &#34;c&#34;" source="x/a"></error>
    <error line="9" column="2" severity="warning" message="m" source="x/b"></error>
  </file>
  <file name="` + filepath.Join("p", "b.go") + `">
    <error line="1" column="1" severity="info" message="i" source="x/c"></error>
  </file>
</checkstyle>
`
	if buf.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
