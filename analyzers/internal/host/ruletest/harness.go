package ruletest

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
)

// Why not analysistest: it runs the checker with SanityCheck, which gob
// encodes and decodes every exported fact once for each package that
// inherits it, each time with a fresh Decoder that recompiles gob's type
// descriptors. On the net/http graph the fixtures import that was three
// quarters of a fixture test's CPU (the same analysis: 44 s with it, 4 s
// without), and what pushed the suite past go test's timeout on a loaded
// machine. This harness checks the same "// want" comments and .golden
// files, and round-trips through gob only the facts of the fixture
// packages themselves, which is what the CLI's cache will need.

// analyze loads patterns in GOPATH mode below testdata, runs a on them with
// facts from their dependencies, and returns the checker's root actions.
func analyze(t *testing.T, testdata string, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	pkgs, err := load(testdata, patterns...)
	if err != nil {
		t.Fatalf("loading %v: %v", patterns, err)
	}
	if !a.RunDespiteErrors {
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, err := range p.Errors {
				t.Log(err) // the analysis of p will fail and say so
			}
		})
	}
	res, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{})
	if err != nil {
		t.Fatalf("analyzing %v: %v", patterns, err)
	}
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("analyzing %s: %v", act, act.Err)
		}
		checkFactsEncode(t, act)
	}
	return res.Roots
}

// load loads the fixture packages, with their tests, from source.
func load(testdata string, patterns ...string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   testdata,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages matched")
	}
	for _, p := range pkgs {
		if p.Name == "" {
			return nil, fmt.Errorf("package %q did not load: %v", p.PkgPath, p.Errors)
		}
	}
	return pkgs, nil
}

// checkFactsEncode checks that the facts exported for act's own package
// survive gob, as the CLI's cache stores them, and deterministically.
func checkFactsEncode(t *testing.T, act *checker.Action) {
	t.Helper()
	check := func(what string, fact analysis.Fact) {
		var first, second bytes.Buffer
		if err := gob.NewEncoder(&first).Encode(fact); err != nil {
			t.Errorf("%s: %T fact does not gob-encode: %v", what, fact, err)
			return
		}
		if err := gob.NewEncoder(&second).Encode(fact); err == nil && !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("%s: %T fact encodes nondeterministically", what, fact)
		}
		back := reflect.New(reflect.TypeOf(fact).Elem()).Interface()
		if err := gob.NewDecoder(&first).Decode(back); err != nil {
			t.Errorf("%s: %T fact does not gob-decode: %v", what, fact, err)
			return
		}
		if got, want := fmt.Sprint(back), fmt.Sprint(fact); got != want {
			t.Errorf("%s: %T fact changes through gob: %s, was %s", what, fact, got, want)
		}
	}
	for _, f := range objectFacts(act) {
		if f.Object.Pkg() == act.Package.Types {
			check(f.Object.Name(), f.Fact)
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == act.Package.Types {
			check("package "+f.Package.Path(), f.Fact)
		}
	}
}

// objectFacts returns act's object facts, with the entries of the
// package's fact tables (facttable) among them: a summary is an object's
// fact to a fixture however it travels.
func objectFacts(act *checker.Action) []analysis.ObjectFact {
	facts := act.AllObjectFacts()
	for _, pf := range act.AllPackageFacts() {
		if l, ok := pf.Fact.(facttable.Lister); ok && pf.Package == act.Package.Types {
			facts = append(facts, l.ObjectFacts(pf.Package)...)
		}
	}
	return facts
}
