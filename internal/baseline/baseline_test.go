package baseline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reviewlint/reviewlint/internal/report"
)

func writeFile(t *testing.T, name, src string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
}

func at(file string, line int) report.Finding {
	return report.Finding{Rule: "x/y", Message: "m", File: file, Start: report.Position{Line: line, Column: 2}}
}

// TestRoundTrip: a baseline hides its findings after an edit above them
// and a re-indent; a third identical finding is new; a fixed one is stale.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	writeFile(t, file, "package a\nfunc f() {\n\tg()\n\tg()\n\th()\n}\n")
	path := filepath.Join(dir, "baseline.json")
	if err := Write(path, Build([]report.Finding{at(file, 3), at(file, 4), at(file, 5)}, dir, report.NewSources())); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].Count != 2 || b.Entries[0].File != "a.go" || b.Entries[0].Code != "g()" {
		t.Fatalf("entries: %+v", b.Entries)
	}
	writeFile(t, file, "package a\n// new comment\nfunc f() {\n    g()\n\tg()\n\tg()\n}\n")
	out := Apply(b, []report.Finding{at(file, 4), at(file, 5), at(file, 6)}, dir, report.NewSources())
	if out.Hidden != 2 || len(out.Kept) != 1 || out.Kept[0].Start.Line != 6 {
		t.Fatalf("outcome: %+v", out)
	}
	if len(out.Stale) != 1 || out.Stale[0].Code != "h()" || out.Stale[0].Count != 1 {
		t.Fatalf("stale: %+v", out.Stale)
	}
}

// TestReadErrors: a file that is not a baseline, or of another version.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for _, src := range []string{"nope", `{"version": 7}`} {
		p := filepath.Join(dir, "b.json")
		writeFile(t, p, src)
		if _, err := Read(p); err == nil {
			t.Errorf("no error for %q", src)
		}
	}
}
