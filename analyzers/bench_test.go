package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// BenchmarkAnalyzers times each analyzer of the default suite (with what
// it requires: SSA, the lifetime engine, facts of every dependency) on a
// mid-size, resource-heavy package of the standard library, so that
// regressions show up with benchstat:
//
//	go test ./analyzers -run '^$' -bench Analyzers -benchtime 3x -count 6 > new.txt
//	benchstat old.txt new.txt
func BenchmarkAnalyzers(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "net/http")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("loading net/http: %v", err)
	}
	all, err := analyzers.New(settings.Config{Enable: []string{"all"}}, analyzers.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range all {
		b.Run(a.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
