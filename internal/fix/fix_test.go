package fix

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/internal/report"
)

const closeSrc = `package p

import "os"

func read(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	_ = f
	return nil
}
`

const closeFixed = `package p

import "os"

func read(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}
`

// TestApplyOrder covers edits given out of order, an insertion next to a
// replacement, and unformatted new text, which gofmt normalises.
func TestApplyOrder(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	edits := map[string][]report.Edit{file: {
		replace(t, file, closeSrc, "_ = f", "defer   f.Close()"),
		replace(t, file, closeSrc, "return nil\n}", "return nil\n}\n\nfunc   extra() {}"),
		insert(t, file, closeSrc, "func read", "// read opens name.\n"),
	}}
	changes, skipped := Apply(edits)
	if len(skipped) > 0 {
		t.Fatalf("skipped: %v", skipped)
	}
	want := strings.Replace(closeFixed, "func read", "// read opens name.\nfunc read", 1) + "\nfunc extra() {}\n"
	if len(changes) != 1 || string(changes[0].New) != want {
		t.Fatalf("got %q, want %q", changes, want)
	}
	if !bytes.Equal(changes[0].Old, []byte(closeSrc)) || readFile(t, file) != closeSrc {
		t.Error("Apply must not touch the file")
	}
}

// TestPlanOverlapSkipped covers a fix that overlaps one taken earlier: it is
// skipped whole, even its edit that does not overlap.
func TestPlanOverlapSkipped(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	first := finding("resourceclose/file-not-closed", file, 10,
		replace(t, file, closeSrc, "_ = f", "defer f.Close()"))
	second := finding("errorlog/dropped", file, 10,
		replace(t, file, closeSrc, "_ = f\n", "_ = f // keep\n"),
		insert(t, file, closeSrc, "func read", "// read opens name.\n"))
	edits, skipped := Plan([]report.Finding{first, second})
	if len(edits[file]) != 1 || edits[file][0] != first.Fixes[0].Edits[0] {
		t.Errorf("edits = %v, want only the first fix's", edits[file])
	}
	if len(skipped) != 1 || skipped[0].Rule != "errorlog/dropped" || skipped[0].Line != 10 ||
		!strings.Contains(skipped[0].Reason, "resourceclose/file-not-closed at line 10") {
		t.Errorf("skipped = %v, want the second fix, naming the first", skipped)
	}
}

// TestPlanSameInsertionPoint covers two fixes inserting different text at
// one offset: the order would be arbitrary, so the second is skipped.
func TestPlanSameInsertionPoint(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	a := finding("r/a", file, 5, insert(t, file, closeSrc, "func read", "// A.\n"))
	b := finding("r/b", file, 5, insert(t, file, closeSrc, "func read", "// B.\n"))
	edits, skipped := Plan([]report.Finding{a, b})
	if len(edits[file]) != 1 || len(skipped) != 1 || skipped[0].Rule != "r/b" {
		t.Errorf("edits = %v, skipped = %v; want a taken, b skipped", edits, skipped)
	}
}

// TestPlanDuplicateEditsOnce covers the same finding from a package and its
// test variant: its identical edits are applied once and nothing is skipped.
func TestPlanDuplicateEditsOnce(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	f := finding("resourceclose/file-not-closed", file, 10,
		replace(t, file, closeSrc, "_ = f", "defer f.Close()"))
	edits, skipped := Plan([]report.Finding{f, f, {Rule: "r/nofix", File: file}})
	if len(skipped) > 0 || len(edits[file]) != 1 {
		t.Fatalf("edits = %v, skipped = %v; want one edit, nothing skipped", edits, skipped)
	}
	changes, _ := Apply(edits)
	if len(changes) != 1 || string(changes[0].New) != closeFixed {
		t.Errorf("got %q, want %q", changes, closeFixed)
	}
}

// TestPlanDuplicateInsertionsOnce covers a duplicated fix that inserts two
// texts at one offset: within a fix they keep their order, and the
// duplicate adds nothing and conflicts with nothing.
func TestPlanDuplicateInsertionsOnce(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	f := finding("r/a", file, 5,
		insert(t, file, closeSrc, "func read", "// read opens name.\n"),
		insert(t, file, closeSrc, "func read", "//\n// It does not close it.\n"))
	edits, skipped := Plan([]report.Finding{f, f})
	if len(skipped) > 0 || len(edits[file]) != 2 {
		t.Fatalf("edits = %v, skipped = %v; want two edits, nothing skipped", edits, skipped)
	}
	changes, _ := Apply(edits)
	want := strings.Replace(closeSrc, "func read", "// read opens name.\n//\n// It does not close it.\nfunc read", 1)
	if len(changes) != 1 || string(changes[0].New) != want {
		t.Errorf("got %q, want %q", changes, want)
	}
}

// TestPlanMalformedFixes covers fixes Plan refuses outright.
func TestPlanMalformedFixes(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	other := writeTemp(t, "q.go", closeSrc)
	e := replace(t, file, closeSrc, "_ = f", "defer f.Close()")
	backwards := e
	backwards.Start, backwards.End = e.End, e.Start
	tests := map[string]report.Fix{
		"no edits":      {Message: "Nothing"},
		"invalid edit":  {Edits: []report.Edit{backwards}},
		"own edits":     {Edits: []report.Edit{e, replace(t, file, closeSrc, "= f", "= g")}},
		"more than one": {Edits: []report.Edit{e, replace(t, other, closeSrc, "_ = f", "defer f.Close()")}},
	}
	for want, fix := range tests {
		f := report.Finding{Rule: "r/x", File: file, Fixes: []report.Fix{fix}}
		edits, skipped := Plan([]report.Finding{f})
		if len(edits) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, want) {
			t.Errorf("%s: edits = %v, skipped = %v", want, edits, skipped)
		}
	}
}

// TestApplyUnparsableSkipped covers fixes whose result does not parse,
// including one format.Source alone would accept as a fragment.
func TestApplyUnparsableSkipped(t *testing.T) {
	for name, e := range map[string]func(file string) report.Edit{
		"syntax error":    func(file string) report.Edit { return replace(t, file, closeSrc, "_ = f", "defer f.Close(") },
		"package removed": func(file string) report.Edit { return replace(t, file, closeSrc, "package p\n", "") },
	} {
		t.Run(name, func(t *testing.T) {
			file := writeTemp(t, "p.go", closeSrc)
			changes, skipped := Apply(map[string][]report.Edit{file: {e(file)}})
			if len(changes) != 0 || len(skipped) != 1 {
				t.Fatalf("changes = %q, skipped = %v; want the file skipped", changes, skipped)
			}
			if reason := skipped[0].Reason; !strings.Contains(reason, "does not parse") || !strings.Contains(reason, file) {
				t.Errorf("reason %q should name the file and the parse error", reason)
			}
			if readFile(t, file) != closeSrc {
				t.Error("the file was touched")
			}
		})
	}
}

// TestApplyStaleFile covers a file edited after the analysis: the edit's
// line and column no longer match its offset, or its offset is past the end.
func TestApplyStaleFile(t *testing.T) {
	file := writeTemp(t, "p.go", closeSrc)
	moved := replace(t, file, closeSrc, "_ = f", "defer f.Close()")
	past := moved
	past.Start.Offset, past.End.Offset = len(closeSrc)+1, len(closeSrc)+1
	if err := os.WriteFile(file, []byte("\n"+closeSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, e := range []report.Edit{moved, past} {
		changes, skipped := Apply(map[string][]report.Edit{file: {e}})
		if len(changes) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "changed since the analysis") {
			t.Errorf("changes = %q, skipped = %v; want the stale file skipped", changes, skipped)
		}
	}
}

// TestVerify compiles fixes in a small module: a fix that parses but does
// not compile is rejected, a sound one is kept, an already broken package
// does not block an unrelated fix, a fix breaking an external test package
// is rejected, and a fix that only compiled against another rejected fix
// is rejected in the next round.
func TestVerify(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"good/good.go": "package good\n\nfunc F() int { return 1 }\n",
		"bad/bad.go":   "package bad\n\nfunc F() int { return 1 }\n",
		"broken/a.go":  "package broken\n\nfunc F() int { return missing }\n",
		"broken/b.go":  "package broken\n\nfunc G() int { return 1 }\n",
		"xt/xt.go":     "package xt\n\nfunc F() int { return 1 }\n",
		"xt/x_test.go": "package xt_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/xt\"\n)\n\nfunc TestF(t *testing.T) { _ = xt.F() }\n",
		"dep/dep.go":   "package dep\n\nfunc F() int { return 1 }\n",
		"use/use.go":   "package use\n\nimport \"example.com/m/dep\"\n\nfunc F() int { return dep.F() }\n",
	})
	change := func(rel, src string) Change {
		file := filepath.Join(dir, rel)
		return Change{File: file, Old: []byte(readFile(t, file)), New: []byte(src)}
	}
	changes := []Change{
		change("good/good.go", "package good\n\nfunc F() int { return 2 }\n"),
		change("bad/bad.go", "package bad\n\nfunc F() int { return nope }\n"),
		change("broken/b.go", "package broken\n\nfunc G() int { return 2 }\n"),
		change("xt/x_test.go", "package xt_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/xt\"\n)\n\nfunc TestF(t *testing.T) { _ = xt.Gone() }\n"),
		change("dep/dep.go", "package dep\n\nfunc F() int { return nope }\n\nfunc G() int { return 1 }\n"),
		change("use/use.go", "package use\n\nimport \"example.com/m/dep\"\n\nfunc F() int { return dep.G() }\n"),
	}
	kept, skipped, err := Verify(context.Background(), dir, changes, nil)
	if err != nil {
		t.Fatal(err)
	}
	var keptFiles []string
	for _, c := range kept {
		keptFiles = append(keptFiles, filepath.ToSlash(must(filepath.Rel(dir, c.File))))
	}
	if got, want := strings.Join(keptFiles, " "), "good/good.go broken/b.go"; got != want {
		t.Errorf("kept %s, want %s", got, want)
	}
	reasons := make(map[string]string)
	for _, s := range skipped {
		reasons[filepath.ToSlash(must(filepath.Rel(dir, s.File)))] = s.Reason
	}
	for file, want := range map[string]string{
		"bad/bad.go":   "bad.go:3:23: undefined: nope",
		"xt/x_test.go": "undefined: xt.Gone",
		"dep/dep.go":   "undefined: nope",
		"use/use.go":   "undefined: dep.G",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("%s: reason %q, want it to contain %q", file, reasons[file], want)
		}
	}
	for rel, src := range map[string]string{"bad/bad.go": "return 1", "good/good.go": "return 1"} {
		if !strings.Contains(readFile(t, filepath.Join(dir, rel)), src) {
			t.Errorf("Verify touched %s", rel)
		}
	}
}

// TestVerifyUncoveredFile covers a change to a file no package builds.
func TestVerifyUncoveredFile(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"p/p.go":       "package p\n",
		"p/ignored.go": "//go:build ignore\n\npackage p\n",
	})
	file := filepath.Join(dir, "p/ignored.go")
	c := Change{File: file, Old: []byte(readFile(t, file)), New: []byte("//go:build ignore\n\npackage p // changed\n")}
	kept, skipped, err := Verify(context.Background(), dir, []Change{c}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "no package") {
		t.Errorf("kept = %q, skipped = %v; want the change rejected", kept, skipped)
	}
}

// TestWrite covers the content, the permission bits, writing through a
// symbolic link, leaving no temporary file behind, and refusing a file that
// changed since it was read.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.go")
	if err := os.WriteFile(file, []byte(closeSrc), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o751); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink("p.go", link); err != nil {
		t.Fatal(err)
	}
	if err := Write([]Change{{File: link, Old: []byte(closeSrc), New: []byte(closeFixed)}}); err != nil {
		t.Fatal(err)
	}
	if readFile(t, file) != closeFixed {
		t.Error("content not written")
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o751 {
		t.Errorf("mode = %v, %v; want 0751", info.Mode(), err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("directory holds %d entries, want p.go and link.go only", len(entries))
	}
	err := Write([]Change{{File: file, Old: []byte(closeSrc), New: []byte("package p\n")}})
	if err == nil || !strings.Contains(err.Error(), "changed since it was read") || readFile(t, file) != closeFixed {
		t.Errorf("Write over a changed file: %v", err)
	}
}

// TestSecondFixChangesNothing runs the whole pipeline twice with a fake
// analyzer that offers a fix wherever a file still needs one.
func TestSecondFixChangesNothing(t *testing.T) {
	dir := writeModule(t, map[string]string{"p/p.go": closeSrc})
	file := filepath.Join(dir, "p/p.go")
	analyze := func() []report.Finding {
		src := readFile(t, file)
		if !strings.Contains(src, "_ = f") {
			return nil
		}
		// Unformatted text, reported twice as a test variant would.
		f := finding("resourceclose/file-not-closed", file, 10, replace(t, file, src, "_ = f", "defer   f.Close()"))
		return []report.Finding{f, f}
	}
	fixAll := func() []Change {
		edits, skipped := Plan(analyze())
		changes, s := Apply(edits)
		skipped = append(skipped, s...)
		changes, s, err := Verify(context.Background(), dir, changes, nil)
		if err != nil {
			t.Fatal(err)
		}
		if skipped = append(skipped, s...); len(skipped) > 0 {
			t.Fatalf("skipped: %v", skipped)
		}
		if err := Write(changes); err != nil {
			t.Fatal(err)
		}
		return changes
	}
	if first := fixAll(); len(first) != 1 || readFile(t, file) != closeFixed {
		t.Fatalf("first run: %q", first)
	}
	if second := fixAll(); len(second) != 0 {
		t.Errorf("second run changed %q", second)
	}
}

// TestDiff covers file order, relative a/ b/ names, stability, and that
// git apply accepts the output.
func TestDiff(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a", "p.go")
	z := filepath.Join(dir, "z.go")
	changes := []Change{
		{File: z, Old: []byte("package z\n"), New: []byte("package z\n\nvar X = 1\n")},
		{File: a, Old: []byte(closeSrc), New: []byte(closeFixed)},
	}
	got := string(Diff(changes, dir))
	want := `diff a/a/p.go b/a/p.go
--- a/a/p.go
+++ b/a/p.go
@@ -7,6 +7,6 @@
 	if err != nil {
 		return err
 	}
-	_ = f
+	defer f.Close()
 	return nil
 }
diff a/z.go b/z.go
--- a/z.go
+++ b/z.go
@@ -1,1 +1,3 @@
 package z
+
+var X = 1
`
	if got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	if again := string(Diff(changes, dir)); again != got {
		t.Error("Diff is not stable")
	}
	checkGitApply(t, dir, changes, got)
}

// checkGitApply applies patch with git apply in dir holding the old files
// and checks that the result is the new files.
func checkGitApply(t *testing.T, dir string, changes []Change, patch string) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	for _, c := range changes {
		if err := os.MkdirAll(filepath.Dir(c.File), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c.File, c.Old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(git, "apply", "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(patch)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	for _, c := range changes {
		if readFile(t, c.File) != string(c.New) {
			t.Errorf("git apply gave %s wrong content", c.File)
		}
	}
}

// finding is a finding of rule at file:line whose one fix is edits.
func finding(rule, file string, line int, edits ...report.Edit) report.Finding {
	return report.Finding{
		Rule:  rule,
		File:  file,
		Start: report.Position{Line: line, Column: 1},
		Fixes: []report.Fix{{Message: "Fix it", Edits: edits}},
	}
}

// replace is the edit replacing the first old in src, the content of file,
// with new.
func replace(t *testing.T, file, src, old, new string) report.Edit {
	t.Helper()
	start := strings.Index(src, old)
	if start < 0 {
		t.Fatalf("%q not in source", old)
	}
	return report.Edit{File: file, Start: positionOf(src, start), End: positionOf(src, start+len(old)), NewText: new}
}

// insert is the edit inserting text before the first before in src.
func insert(t *testing.T, file, src, before, text string) report.Edit {
	t.Helper()
	e := replace(t, file, src, before, "")
	e.End, e.NewText = e.Start, text
	return e
}

// positionOf is the Position of offset in src.
func positionOf(src string, offset int) report.Position {
	line, col := lineColumn(lineStarts([]byte(src)), offset)
	return report.Position{Line: line, Column: col, Offset: offset}
}

// writeTemp writes src to a new file name in a temporary directory.
func writeTemp(t *testing.T, name, src string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// writeModule writes module example.com/m with files into a temporary
// directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for rel, src := range files {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readFile returns the content of file.
func readFile(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// must returns s, panicking on err; for errors a test cannot cause.
func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}
