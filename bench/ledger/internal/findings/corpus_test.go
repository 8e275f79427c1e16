package findings

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// A rule with more findings than the sample size is sampled over its modules,
// the same way for the same seed; a rule with few findings is taken whole.
func TestSample(t *testing.T) {
	var fs []Finding
	for i := 0; i < 30; i++ {
		fs = append(fs, Finding{Rule: "a/big", Module: "m1", RelFile: "f.go", Code: fmt.Sprint("x", i)})
	}
	for i := 0; i < 3; i++ {
		fs = append(fs, Finding{Rule: "a/big", Module: "m2", RelFile: "f.go", Code: fmt.Sprint("y", i)})
		fs = append(fs, Finding{Rule: "a/small", Module: "m2", RelFile: "f.go", Code: fmt.Sprint("y", i)})
	}
	s := Sample(fs, 10, 1)
	n, m2 := 0, 0
	for k := range s {
		if k.Rule == "a/big" {
			n++
			if k.Module == "m2" {
				m2++
			}
		}
	}
	if n != 10 || m2 != 3 {
		t.Errorf("a/big: sampled %d (%d of m2), want 10 (all 3 of m2)", n, m2)
	}
	if len(s)-n != 3 {
		t.Errorf("a/small: sampled %d, want all 3", len(s)-n)
	}
	again := Sample(fs, 10, 1)
	for k := range s {
		if !again[k] {
			t.Fatalf("the same seed drew a different sample")
		}
	}
}

func TestTotalLinesAndApps(t *testing.T) {
	dir := t.TempDir()
	lines := filepath.Join(dir, "lines.tsv")
	os.WriteFile(lines, []byte("# c\npart\tmodules\tpackages\tlines\nlibrary\t1\t2\t30\ntotal\t2\t3\t45\n"), 0o644)
	if n, err := TotalLines(lines); err != nil || n != 45 {
		t.Errorf("TotalLines = %d, %v; want 45", n, err)
	}
	apps := filepath.Join(dir, "apps.tsv")
	os.WriteFile(apps, []byte("# c\nexample.com/app\tv1.0.0\tapplication\th1:x=\t./...\n"), 0o644)
	if a, err := Apps(apps); err != nil || !a["example.com/app"] || len(a) != 1 {
		t.Errorf("Apps = %v, %v", a, err)
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	mod := filepath.Join(dir, "src", "m")
	os.MkdirAll(mod, 0o755)
	os.WriteFile(filepath.Join(mod, "p.go"), []byte("package p\n\nvar   x = 1\n"), 0o644)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.tsv"), []byte("name\tmodule\tkind\tdir\texit\tfindings\nm\texample.com/m\tapplication\t"+mod+"\t1\t1\n"), 0o644)
	os.WriteFile(filepath.Join(out, "m.json"), []byte(`{"findings":[{"rule":"r/x","file":"`+filepath.Join(mod, "p.go")+`","line":3}],"errors":[]}`), 0o644)
	fs, err := LoadDir(out)
	if err != nil || len(fs) != 1 || fs[0].Module != "example.com/m" || fs[0].RelFile != "p.go" || fs[0].Code != "var x = 1" {
		t.Fatalf("LoadDir = %+v, %v", fs, err)
	}
}
