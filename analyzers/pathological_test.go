package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/policy"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// Each pathological function has n sequential if/else diamonds: 2^n paths,
// so an engine that enumerates paths instead of merging states at join
// points never finishes. small stays under every engine's explicit block
// bound (chanflow.MaxBlocks 400, locks 3000), so every rule must still
// report; large is past them, where the bounded engines skip the function
// and the others must still end with their findings.
const (
	small = 120
	large = 2000
)

// TestPathologicalFunctions runs every analyzer (-enable all) on functions of
// thousands of branches, loops and cases, one per engine (resource lifetime,
// HTTP bodies, locks, channels, errors), and checks that the run ends with
// the findings each function holds and no internal error. No wall-clock
// limit: a path explosion shows as a test that does not end; the cost is
// measured by BenchmarkPathologicalFunctions.
func TestPathologicalFunctions(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses a generated package of ~40k lines")
	}
	unbounded := []string{"resourceclose/unclosed", "httpbody/unclosed", "goroutineleak/blocked-send", "errorlog/overwritten"}
	for _, tc := range []struct {
		n     int
		rules []string
	}{
		{small, append(unbounded, "sharedstate/lock-leak")},
		{large, unbounded},
	} {
		got := analyzePathological(t, tc.n)
		for _, rule := range tc.rules {
			if got[rule] == 0 {
				t.Errorf("%d branches: no %s finding (an engine gave up or missed it); got %v", tc.n, rule, got)
			}
		}
		if n := got[policy.InternalError]; n > 0 {
			t.Errorf("%d branches: %d internal errors", tc.n, n)
		}
	}
}

// BenchmarkPathologicalFunctions reports the time and memory of one
// analysis of the pathological package:
//
//	go test ./analyzers -run '^$' -bench Pathological -benchmem -benchtime 1x
func BenchmarkPathologicalFunctions(b *testing.B) {
	pkgs := loadPathological(b, large)
	all := allAnalyzers(b)
	for b.Loop() {
		if _, err := checker.Analyze(all, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// analyzePathological counts the findings per rule of every analyzer on the
// generated package.
func analyzePathological(t *testing.T, n int) map[string]int {
	pkgs := loadPathological(t, n)
	graph, err := checker.Analyze(allAnalyzers(t), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			got[d.Category]++
		}
	}
	return got
}

func allAnalyzers(tb testing.TB) []*analysis.Analyzer {
	all, err := analyzers.New(settings.Config{Enable: []string{"all"}}, analyzers.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return all
}

// loadPathological writes the generated package into a fresh module and
// loads it with syntax and types.
func loadPathological(tb testing.TB, n int) []*packages.Package {
	dir := tb.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("go.mod", "module example.com/patho\n\ngo 1.22\n")
	write("patho.go", pathologicalSource(n))
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		tb.Fatalf("loading the pathological package: %v", err)
	}
	return pkgs
}

// pathologicalSource is a package with one function per engine, each with n
// diamonds between an acquisition and its release, and a leaking return in
// the middle so every function has a finding to report.
func pathologicalSource(n int) string {
	var b strings.Builder
	b.WriteString(`package patho

import (
	"errors"
	"net/http"
	"os"
	"sync"
	"time"
)

var errBig = errors.New("big")

func step(i int) error {
	if i%7 == 0 {
		return errBig
	}
	return nil
}

`)
	diamonds := func(body func(i int) string) string {
		var d strings.Builder
		for i := range n {
			fmt.Fprintf(&d, "\tif c[%d] {\n%s\t} else {\n\t\tx--\n\t}\n", i%64, body(i))
			if i == n/2 {
				d.WriteString("\tif x > 100 {\n\t\treturn errBig\n\t}\n")
			}
		}
		return d.String()
	}
	incr := func(int) string { return "\t\tx++\n" }

	fmt.Fprintf(&b, "func File(c []bool, name string) error {\n\tf, err := os.Open(name)\n\tif err != nil {\n\t\treturn err\n\t}\n\tx := 0\n%s\treturn f.Close()\n}\n\n", diamonds(incr))
	fmt.Fprintf(&b, "func Body(c []bool, url string) error {\n\tresp, err := http.Get(url)\n\tif err != nil {\n\t\treturn err\n\t}\n\tx := 0\n%s\treturn resp.Body.Close()\n}\n\n", diamonds(incr))
	fmt.Fprintf(&b, "type S struct {\n\tmu sync.Mutex\n\tn  int\n}\n\nfunc (s *S) Locked(c []bool) error {\n\ts.mu.Lock()\n\tx := 0\n%s\ts.n = x\n\ts.mu.Unlock()\n\treturn nil\n}\n\n", diamonds(incr))
	fmt.Fprintf(&b, "func Send(c []bool) (int, error) {\n\tch := make(chan int)\n\tgo func() {\n\t\tch <- work(c)\n\t}()\n\tselect {\n\tcase v := <-ch:\n\t\treturn v, nil\n\tcase <-time.After(time.Second):\n\t\treturn 0, errBig\n\t}\n}\n\n")
	fmt.Fprintf(&b, "func work(c []bool) int {\n\tx := 0\n%s\treturn x\n}\n\n", strings.ReplaceAll(diamonds(incr), "return errBig", "return 0"))
	fmt.Fprintf(&b, "func Errs(c []bool) error {\n\tx := 0\n\terr := step(0)\n\terr = step(1)\n%s\treturn err\n}\n\n", diamonds(func(i int) string { return fmt.Sprintf("\t\terr = step(%d)\n", i) }))
	// Loops nested deep, each with a select: loop and select handling must
	// not multiply per level.
	b.WriteString("func Loops(c []bool, in chan int, done chan struct{}) int {\n\tx := 0\n")
	const depth = 40
	for i := range depth {
		fmt.Fprintf(&b, "%sfor i%d := 0; i%d < len(c); i%d++ {\n", strings.Repeat("\t", i+1), i, i, i)
	}
	fmt.Fprintf(&b, "%sselect {\n%scase v := <-in:\n%s\tx += v\n%scase <-done:\n%s\treturn x\n%s}\n",
		strings.Repeat("\t", depth+1), strings.Repeat("\t", depth+1), strings.Repeat("\t", depth+1),
		strings.Repeat("\t", depth+1), strings.Repeat("\t", depth+1), strings.Repeat("\t", depth+1))
	for i := depth - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "%s}\n", strings.Repeat("\t", i+1))
	}
	b.WriteString("\treturn x\n}\n\n")
	// A switch of thousands of cases.
	b.WriteString("func Switch(k int) error {\n\tswitch k {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tcase %d:\n\t\treturn step(%d)\n", i, i)
	}
	b.WriteString("\t}\n\treturn nil\n}\n")
	return b.String()
}
