package driver

import (
	"bytes"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/go/buildid"
	"honnef.co/go/tools/go/loader"
)

// writeModule lays out files (path → content) under a new directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// exportAll lists dir's packages as the runner does and writes their
// export data into cacheDir, as the packages driver does; it returns the
// packages by ID.
func exportAll(t *testing.T, dir, cacheDir string) (map[string]*packages.Package, *DriverStats) {
	t.Helper()
	roots, _, stats := exportGraph(t, dir, cacheDir, "./...")
	byID := map[string]*packages.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) { byID[p.ID] = p })
	return byID, stats
}

// exportGraph lists patterns in dir as the runner does and writes the
// export data of the graph into cacheDir, as the packages driver does.
func exportGraph(t *testing.T, dir, cacheDir string, patterns ...string) ([]*packages.Package, *exporter, *DriverStats) {
	t.Helper()
	out, err := exec.Command("go", "env", "GOVERSION", "GOOS", "GOARCH").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := strings.Fields(string(out))
	t.Setenv(stdVersionEnv, env[0])
	t.Setenv(stdOSEnv, env[1])
	t.Setenv(stdArchEnv, env[2])
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedFiles |
			packages.NeedCompiledGoFiles | packages.NeedTypesSizes | packages.NeedModule,
		Dir: dir,
		Env: append(os.Environ(), "GOPACKAGESDRIVER=off", "GOFLAGS=", "GOWORK=off"),
	}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	var stats DriverStats
	x, err := addExportData(cfg, roots, cacheDir, &stats)
	if err != nil {
		t.Fatal(err)
	}
	return roots, x, &stats
}

var chain = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.26\n",
	"a/a.go": `package a

import (
	"io"
	"sync"
)

// T is used by b.
type T struct {
	mu sync.Mutex
	R  io.Reader
}

// New returns a T.
func New() *T { return &T{} }

func (t *T) Lock() { t.mu.Lock() }
`,
	"b/b.go": `package b

import "example.com/m/a"

// U embeds a's T.
type U struct{ *a.T }

// Make returns a U.
func Make() U { return U{a.New()} }
`,
	"c/c.go": `package c

import "example.com/m/b"

var V = b.Make()
`,
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The export data of a package depends only on its files and its imports'
// export data: a cold run, a run where a is a cache hit and b is not, and a
// run in another cache all write the same bytes.
func TestExportDataDeterministic(t *testing.T) {
	dir := writeModule(t, chain)
	cache1, cache2 := t.TempDir(), t.TempDir()
	pkgs, stats := exportAll(t, dir, cache1)
	if stats.Checked != 2 || stats.Cached != 0 {
		t.Fatalf("cold: %d type-checked, %d from the cache; want 2, 0", stats.Checked, stats.Cached)
	}
	a, b := pkgs["example.com/m/a"], pkgs["example.com/m/b"]
	if a.ExportFile == "" || b.ExportFile == "" {
		t.Fatalf("no export data: a %q, b %q", a.ExportFile, b.ExportFile)
	}
	if c := pkgs["example.com/m/c"]; c.ExportFile != "" {
		t.Errorf("c, which nothing imports, has export data %s", c.ExportFile)
	}
	aBytes, bBytes := readFile(t, a.ExportFile), readFile(t, b.ExportFile)

	// Another cache, a cold run again: the same bytes.
	pkgs2, _ := exportAll(t, dir, cache2)
	if !bytes.Equal(readFile(t, pkgs2["example.com/m/a"].ExportFile), aBytes) ||
		!bytes.Equal(readFile(t, pkgs2["example.com/m/b"].ExportFile), bBytes) {
		t.Errorf("a second cold run wrote other export data")
	}

	// b changes and changes back: a is a cache hit, b is type-checked
	// against a's cached export data, and writes what it wrote when a was
	// type-checked in the same run.
	bFile := filepath.Join(dir, "b", "b.go")
	orig := readFile(t, bFile)
	if err := os.WriteFile(bFile, append(append([]byte{}, orig...), "\nfunc Added() {}\n"...), 0o666); err != nil {
		t.Fatal(err)
	}
	pkgs3, stats := exportAll(t, dir, cache1)
	if stats.Checked != 1 || stats.Cached != 1 {
		t.Errorf("after an edit of b: %d type-checked, %d from the cache; want 1, 1", stats.Checked, stats.Cached)
	}
	if bytes.Equal(readFile(t, pkgs3["example.com/m/b"].ExportFile), bBytes) {
		t.Errorf("b's export data did not change with its API")
	}
	if err := os.WriteFile(bFile, orig, 0o666); err != nil {
		t.Fatal(err)
	}
	pkgs4, _ := exportAll(t, dir, cache1)
	if got := readFile(t, pkgs4["example.com/m/b"].ExportFile); !bytes.Equal(got, bBytes) {
		t.Errorf("b back as it was: other export data")
	}
}

// The export files carry a build ID that the runner's loader hashes (the
// files' hash, then the content's), and the loader decodes them.
func TestExportDataForTheRunner(t *testing.T) {
	dir := writeModule(t, chain)
	pkgs, _ := exportAll(t, dir, t.TempDir())
	b := pkgs["example.com/m/b"]
	id, err := buildid.ReadFile(b.ExportFile)
	if err != nil {
		t.Fatal(err)
	}
	files, content, ok := strings.Cut(id, "/")
	if !ok || len(files) != 64 || len(content) != 64 {
		t.Errorf("build ID %q: want <files hash>/<content hash>", id)
	}

	// The runner's loader type-checks c from source against b's export
	// data, as it will when it analyses c.
	spec := func(p *packages.Package, imports map[string]*loader.PackageSpec) *loader.PackageSpec {
		return &loader.PackageSpec{
			ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles,
			ExportFile: p.ExportFile, Imports: imports, TypesSizes: p.TypesSizes, Module: p.Module,
		}
	}
	bSpec := spec(b, nil)
	cSpec := spec(pkgs["example.com/m/c"], map[string]*loader.PackageSpec{"example.com/m/b": bSpec})
	lp, _, err := loader.Load(cSpec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(lp.Errors) > 0 {
		t.Fatalf("c against b's export data: %v", lp.Errors)
	}
	v := lp.Types.Scope().Lookup("V")
	if got := v.Type().String(); got != "example.com/m/b.U" {
		t.Errorf("c.V has type %s, want example.com/m/b.U", got)
	}
	// The method promoted from a's T through b's U is there.
	if sel := types.NewMethodSet(v.Type()).Lookup(nil, "Lock"); sel == nil || sel.Obj().Pkg().Path() != "example.com/m/a" {
		t.Errorf("b.U has no Lock method promoted from a.T: %v", sel)
	}
}
