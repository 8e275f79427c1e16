package newfrom

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/internal/report"
)

// patch is a git diff with context: a modified file (one line changed, one
// added, a run of lines deleted), a renamed file with an edit, a new file,
// a deleted file and an added line that starts with "++".
const patch = `diff --git a/a.go b/a.go
index 1111111..2222222 100644
--- a/a.go
+++ b/a.go
@@ -1,6 +1,6 @@
 package a
-var x = 1
+var x = 2
 
 func f() {
+	g()
-	h()
-	i()
 }
@@ -20,2 +20,3 @@ func k() {
 	a()
++++b
 	c()
diff --git a/old.go b/new.go
similarity 90%
rename from old.go
rename to new.go
--- a/old.go
+++ b/new.go
@@ -3 +3 @@
-x
+y
diff --git a/added.go b/added.go
new file mode 100644
--- /dev/null
+++ b/added.go
@@ -0,0 +1,2 @@
+package a
+
diff --git a/gone.go b/gone.go
deleted file mode 100644
--- a/gone.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package a
-
diff --git "a/sp ce.go" "b/sp ce.go"
--- "a/sp ce.go"
+++ "b/sp ce.go"
@@ -4,0 +5 @@
+z
`

func lines(c *Changes, file string) []int {
	var out []int
	for l := range c.files[canon(file)].lines {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// TestParsePatch: added lines count, a replaced line counts once, a
// deletion marks the lines either side of it, renames land on the new name,
// deleted files are nothing.
func TestParsePatch(t *testing.T) {
	root := t.TempDir()
	c, err := ParsePatch(strings.NewReader(patch), root)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]int{
		"a.go":     {2, 5, 6, 21},
		"new.go":   {3},
		"added.go": {1, 2},
		"sp ce.go": {5},
	} {
		if got := lines(c, filepath.Join(root, file)); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", file, got, want)
		}
	}
	if c.files[canon(filepath.Join(root, "gone.go"))] != nil || c.files[canon(filepath.Join(root, "old.go"))] != nil {
		t.Error("deleted or renamed-away file recorded")
	}
}

// TestParsePatchDeletionU0: with -U0 a pure deletion after line 4 marks
// lines 4 and 5, and one at the top of the file marks line 1.
func TestParsePatchDeletionU0(t *testing.T) {
	root := t.TempDir()
	p := "--- a/a.go\n+++ b/a.go\n@@ -5,2 +4,0 @@\n-x\n-y\n@@ -1 +0,0 @@\n-z\n"
	c, err := ParsePatch(strings.NewReader(p), root)
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(c, filepath.Join(root, "a.go")); !slices.Equal(got, []int{1, 4, 5}) {
		t.Fatalf("got %v", got)
	}
}

// TestParsePatchErrors: a truncated hunk and a bad header are errors.
func TestParsePatchErrors(t *testing.T) {
	for _, p := range []string{"+++ b/a.go\n@@ -1,3 +1,3 @@\n x\n", "+++ b/a.go\n@@ bogus @@\n", "@@ -1 +1 @@\n+x\n"} {
		if _, err := ParsePatch(strings.NewReader(p), "/r"); err == nil {
			t.Errorf("no error for %q", p)
		}
	}
}

// TestFilter: a finding counts when a changed line lies in its range or
// between its first and last positions in a file.
func TestFilter(t *testing.T) {
	c := &Changes{}
	c.file("/r/a.go").mark(10)
	c.AddFile("/r/new.go")
	f := func(file string, start, end int, rel ...int) report.Finding {
		fd := report.Finding{File: file, Start: report.Position{Line: start}, End: report.Position{Line: end}}
		for _, l := range rel {
			fd.Related = append(fd.Related, report.Related{File: file, Start: report.Position{Line: l}, End: report.Position{Line: l}})
		}
		return fd
	}
	got := c.Filter([]report.Finding{f("/r/a.go", 10, 10), f("/r/a.go", 8, 12), f("/r/a.go", 3, 3, 10), f("/r/a.go", 3, 3, 11), f("/r/a.go", 11, 11, 12), f("/r/a.go", 3, 3, 9), f("/r/new.go", 1, 1), f("/r/b.go", 10, 10)})
	if len(got) != 5 || got[4].File != "/r/new.go" || got[3].Related[0].Start.Line != 11 {
		t.Fatalf("got %+v", got)
	}
}

// TestNoGit: without git in PATH the error says so and offers the patch
// flag instead.
func TestNoGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := FromRev(t.TempDir(), "HEAD")
	if err == nil || !strings.Contains(err.Error(), "-new-from-rev needs git, which is not installed") || !strings.Contains(err.Error(), "-new-from-patch") {
		t.Fatalf("got %v", err)
	}
}
