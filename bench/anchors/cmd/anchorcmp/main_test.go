package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, root, name, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPrepareRewritesOnlyImports(t *testing.T) {
	src := t.TempDir()
	write(t, src, "fam/facts/dep/dep.go", "package dep\n\nfunc F() {}\n")
	write(t, src, "fam/facts/use/use.go", "package use\n\nimport (\n\t\"fmt\"\n\t\"fam/facts/dep\"\n)\n\nvar s = \"fam/facts/dep\"\n\nfunc G() { dep.F(); fmt.Println(s) }\n")
	write(t, src, "fam/r/fix/fix.go.golden", "package fix\n")
	write(t, src, "fam/r/fix/fix.go", "package fix\n")
	write(t, src, "fam/pending/p.go", "package pending\n")
	dst := filepath.Join(t.TempDir(), "m")
	if err := cmdPrepare([]string{"-src", src, "-family", "fam", "-dst", dst, "-go", "1.26"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dst, "fam/facts/use/use.go"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	if !strings.Contains(got, "\t\"fixtures/fam/facts/dep\"\n") || !strings.Contains(got, "var s = \"fam/facts/dep\"") {
		t.Errorf("rewritten file:\n%s", got)
	}
	for _, name := range []string{"fam/r/fix/fix.go.golden", "fam/pending/p.go"} {
		if _, err := os.Stat(filepath.Join(dst, name)); err == nil {
			t.Errorf("%s was copied", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, "go.mod")); err != nil {
		t.Error(err)
	}
}

func TestScore(t *testing.T) {
	m := t.TempDir()
	write(t, m, "fam/r/bad/bad.go", `package bad

func leak() {
	open() // want "leak"
	other()
}

func helper() {}

func open()  {}
func other() {}
`)
	write(t, m, "fam/r/good/good.go", `package good

func ok() {
	_ = 1
}

type T struct{}

func (*T) m() {
	_ = 2
}
`)
	write(t, m, "fam/s/fix/fix.go", "package fix\n\nfunc f() {} // want \"x\"\n")
	tr, err := loadTruth(m, "fam")
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.positives) != 1 || tr.positives[0].line != 4 || tr.positives[0].name() != "r/bad.leak" {
		t.Fatalf("positives: %+v", tr.positives)
	}
	// bad.go: open, other, helper are not negatives; good.go: ok, (*T).m are.
	if len(tr.negatives) != 2 || tr.negatives[1].id() != "r/good.(*T).m" || tr.fixWants != 1 {
		t.Fatalf("negatives: %d, fix wants %d", len(tr.negatives), tr.fixWants)
	}
	tl := &tool{label: "x", format: "golangci", checks: "a,b", rules: map[string]string{"a": "r"}, findings: []finding{
		{check: "a", file: "fam/r/bad/bad.go", line: 4},    // found
		{check: "b", file: "fam/r/bad/bad.go", line: 5},    // elsewhere in the positive's function
		{check: "a", file: "fam/r/good/good.go", line: 10}, // false positive, matching check
		{check: "b", file: "fam/r/good/good.go", line: 4},  // false positive, another rule's check
		{check: "a", file: "fam/s/fix/fix.go", line: 3},    // other
	}}
	r := score(tr, tl)
	c := r.count(tr, "", tr.positives, tr.negatives)
	want := counts{tp: 1, ownTP: 1, fp: 2, ownFP: 1, near: 0, other: 2}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if got := r.negCell(tr, tr.negatives[0]); got != "✗ L4 (b)" {
		t.Errorf("negCell = %q", got)
	}
	if got := r.posCell(tr, tr.positives[0]); got != "✓ a" {
		t.Errorf("posCell = %q", got)
	}
	var buf bytes.Buffer
	writeReport(&buf, tr, []*result{r}, "# head", "")
	if !strings.Contains(buf.String(), "| **x** |") {
		t.Errorf("report:\n%s", buf.String())
	}
}

func TestWantRE(t *testing.T) {
	for text, want := range map[string]bool{
		"// want `leak`":         true,
		`// want "a" "b"`:        true,
		"/* want `x` */":         true,
		`// want f:"fact"`:       false,
		"// wanted to say":       false,
		"// we want `this` here": false,
	} {
		if got := wantRE.MatchString(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
