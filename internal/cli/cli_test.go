package cli

import (
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
		RequireExplicitExec: true,
	})
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
