package cli

import (
	"archive/zip"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run this test binary as the `reviewlint`
// command, so scripts exercise the real CLI end to end, vet mode included.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"reviewlint": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: exit codes, formats, config
// errors, suppression, -fix and -diff, go vet -vettool.
func TestScripts(t *testing.T) {
	goEnv := goEnvironment(t)
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("REVIEWLINT_CACHE", filepath.Join(env.WorkDir, "rlcache"))
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"modproxy":     cmdModProxy,
			"corruptcache": cmdCorruptCache,
		},
		RequireExplicitExec: true,
	})
}

// cmdModProxy is the script command `modproxy SRC DST`: it lays out each
// SRC/MODULE@VERSION directory (module path with "/" written as "!") as a
// GOPROXY=file:// tree under DST, so scripts resolve modules offline.
func cmdModProxy(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: modproxy SRC DST")
	}
	src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	entries, err := os.ReadDir(src)
	ts.Check(err)
	for _, e := range entries {
		mod, version, ok := strings.Cut(e.Name(), "@")
		if !ok {
			ts.Fatalf("modproxy: %s is not MODULE@VERSION", e.Name())
		}
		mod = strings.ReplaceAll(mod, "!", "/")
		ts.Check(writeProxyVersion(filepath.Join(src, e.Name()), filepath.Join(dst, mod, "@v"), mod, version))
	}
}

// cmdCorruptCache is the script command `corruptcache MODE DIR`: it damages
// every entry of the result cache in DIR as a disk error or a stray tool
// would. MODE data overwrites each data file (*-d) with junk of the same
// size, which passes the cache's own size check; index overwrites each
// index file (*-a) with junk; truncate empties each data file.
func cmdCorruptCache(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: corruptcache data|index|truncate DIR")
	}
	mode, dir := args[0], ts.MkAbs(args[1])
	suffix := map[string]string{"data": "-d", "index": "-a", "truncate": "-d"}[mode]
	if suffix == "" {
		ts.Fatalf("corruptcache: unknown mode %q", mode)
	}
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, suffix) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		junk := make([]byte, info.Size())
		if mode == "index" {
			junk = make([]byte, 100)
		}
		for i := range junk {
			junk[i] = byte(i*7 + 0xa5) // not a gob stream, not an index line
		}
		if mode == "truncate" {
			junk = nil
		}
		n++
		return os.WriteFile(path, junk, 0o666)
	})
	ts.Check(err)
	if n == 0 {
		ts.Fatalf("corruptcache: no %s files under %s", suffix, dir)
	}
	ts.Logf("corrupted %d files", n)
}

// writeProxyVersion writes list, .info, .mod and .zip for one version.
func writeProxyVersion(dir, vdir, mod, version string) error {
	if err := os.MkdirAll(vdir, 0o777); err != nil {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	files := map[string]string{
		"list":            version + "\n",
		version + ".info": `{"Version":"` + version + `","Time":"2025-01-01T00:00:00Z"}`,
		version + ".mod":  string(gomod),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(vdir, name), []byte(data), 0o666); err != nil {
			return err
		}
	}
	out, err := os.Create(filepath.Join(vdir, version+".zip"))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		w, err := zw.Create(mod + "@" + version + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	return errors.Join(err, zw.Close(), out.Close())
}

// goEnvironment passes the outer go command's caches and toolchain to the
// scripts: the build cache keeps them fast, and GOPROXY=off keeps them from
// reaching the network (fixtures import only the standard library).
func goEnvironment(t *testing.T) map[string]string {
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	v := strings.Split(strings.TrimSpace(string(out)), "\n")
	return map[string]string{
		"GOCACHE":     v[0],
		"GOMODCACHE":  v[1],
		"PATH":        filepath.Join(v[2], "bin") + string(os.PathListSeparator) + os.Getenv("PATH"),
		"GOPROXY":     "off",
		"GOFLAGS":     "-mod=mod",
		"GOTOOLCHAIN": "local",
		"GOWORK":      "off",
	}
}
