// Command gen computes the engines' package facts for the standard library
// and writes them as stdfacts' embedded table; with -check it recomputes
// them and fails when the table differs (for the toolchain it was made by).
package main

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/stdfacts"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

func main() {
	out := flag.String("o", "std.gob.gz", "write the table to `file`")
	check := flag.Bool("check", false, "recompute and compare with the table in -o instead of writing it")
	flag.Parse()
	if err := run(*out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "stdfacts/gen:", err)
		os.Exit(1)
	}
}

func run(out string, check bool) error {
	env, err := goEnv("GOVERSION", "GOOS", "GOARCH")
	if err != nil {
		return err
	}
	engines, err := factEngines()
	if err != nil {
		return err
	}
	t, err := compute(engines, "std")
	if err != nil {
		return err
	}
	t.GoVersion, t.GOOS, t.GOARCH = env[0], env[1], env[2]
	if check {
		return compare(out, t, engines, true)
	}
	data, err := stdfacts.Encode(t)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// factEngines returns every analyzer that the full suite (-enable all)
// requires and that exports facttable package facts.
func factEngines() ([]*analysis.Analyzer, error) {
	cfg := settings.DefaultConfig()
	cfg.Enable = []string{"all"}
	suite, err := analyzers.New(cfg, analyzers.Options{})
	if err != nil {
		return nil, err
	}
	var engines []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		if len(tableFactTypes(a)) > 0 {
			engines = append(engines, a)
		}
	}
	for _, a := range suite {
		visit(a)
	}
	return engines, nil
}

// tableFactTypes returns a's fact types that travel as facttable tables
// (opaque gob encodings with a canonical listing).
func tableFactTypes(a *analysis.Analyzer) []analysis.Fact {
	var out []analysis.Fact
	for _, f := range a.FactTypes {
		_, enc := f.(gob.GobEncoder)
		_, str := f.(fmt.Stringer)
		if enc && str {
			out = append(out, f)
		}
	}
	return out
}

// compute analyses the standard-library packages matched by patterns, and
// their dependencies, with engines and returns the facts they export.
func compute(engines []*analysis.Analyzer, patterns ...string) (*stdfacts.Table, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return nil, fmt.Errorf("%d errors loading std", n)
	}
	graph, err := checker.Analyze(engines, pkgs, nil)
	if err != nil {
		return nil, err
	}
	t := &stdfacts.Table{Facts: map[string]map[string][]byte{}, NoReturn: map[string][]string{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		t.Packages = append(t.Packages, p.PkgPath)
	})
	sort.Strings(t.Packages)
	for act := range graph.All() {
		if act.Err != nil {
			return nil, fmt.Errorf("%v: %v", act, act.Err)
		}
		if act.Analyzer == ctrlflow.Analyzer {
			if paths := neverReturning(act); len(paths) > 0 {
				t.NoReturn[act.Package.PkgPath] = paths
			}
		}
		for _, ft := range tableFactTypes(act.Analyzer) {
			fact := reflect.New(reflect.TypeOf(ft).Elem()).Interface().(analysis.Fact)
			if !act.PackageFact(act.Package.Types, fact) {
				continue
			}
			data, err := fact.(gob.GobEncoder).GobEncode()
			if err != nil {
				return nil, err
			}
			key := stdfacts.Key(ft)
			if t.Facts[key] == nil {
				t.Facts[key] = map[string][]byte{}
			}
			t.Facts[key][act.Package.PkgPath] = data
		}
	}
	return t, nil
}

// neverReturning returns the sorted object paths of the functions of
// act's package that ctrlflow proved never return (buildssa requires
// ctrlflow, so every package of the graph has its action).
func neverReturning(act *checker.Action) []string {
	var paths []string
	for _, f := range act.AllObjectFacts() {
		if f.Object.Pkg() != act.Package.Types {
			continue // inherited from a dependency
		}
		if p, err := objectpath.For(f.Object); err == nil {
			paths = append(paths, string(p))
		}
	}
	sort.Strings(paths)
	return paths
}

// compare checks that the table in file lists what t computed, fact by
// fact in canonical form (gob encodes maps in random order, so bytes may
// differ between equal tables); all says t covers the whole library, else
// only t's packages are compared.
func compare(file string, t *stdfacts.Table, engines []*analysis.Analyzer, all bool) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	old, err := stdfacts.Decode(data)
	if err != nil {
		return err
	}
	if !old.Matches(t.GoVersion, t.GOOS, t.GOARCH) || old.GoVersion != t.GoVersion {
		fmt.Printf("stdfacts: table made by %s %s/%s, toolchain is %s %s/%s: not compared\n",
			old.GoVersion, old.GOOS, old.GOARCH, t.GoVersion, t.GOOS, t.GOARCH)
		return nil
	}
	var diffs []string
	if all && strings.Join(old.Packages, " ") != strings.Join(t.Packages, " ") {
		diffs = append(diffs, "package lists differ")
	}
	computed := map[string]bool{}
	for _, p := range t.Packages {
		computed[p] = true
	}
	for _, p := range t.Packages {
		if strings.Join(old.NoReturn[p], " ") != strings.Join(t.NoReturn[p], " ") {
			diffs = append(diffs, fmt.Sprintf("the functions of %s that never return differ", p))
		}
	}
	for _, e := range engines {
		for _, ft := range tableFactTypes(e) {
			key := stdfacts.Key(ft)
			for _, p := range union(old.Facts[key], t.Facts[key]) {
				if !computed[p] {
					continue
				}
				a, b := canonical(ft, old.Facts[key][p]), canonical(ft, t.Facts[key][p])
				if a != b {
					diffs = append(diffs, fmt.Sprintf("%s of %s differs", key, p))
				}
			}
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%s is stale (run go generate ./analyzers/internal/engine/stdfacts):\n\t%s", file, strings.Join(diffs, "\n\t"))
	}
	fmt.Printf("stdfacts: %s matches a fresh computation (%d packages)\n", file, len(t.Packages))
	return nil
}

func union(a, b map[string][]byte) []string {
	set := map[string]bool{}
	for k := range a {
		set[k] = true
	}
	for k := range b {
		set[k] = true
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func canonical(ft analysis.Fact, data []byte) string {
	if data == nil {
		return ""
	}
	fact := reflect.New(reflect.TypeOf(ft).Elem()).Interface()
	if err := fact.(gob.GobDecoder).GobDecode(data); err != nil {
		return "undecodable: " + err.Error()
	}
	return fact.(fmt.Stringer).String()
}

func goEnv(names ...string) ([]string, error) {
	out, err := exec.Command("go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(bytes.TrimSpace(out))), "\n")
	if len(lines) != len(names) {
		return nil, fmt.Errorf("go env: %q", out)
	}
	return lines, nil
}
