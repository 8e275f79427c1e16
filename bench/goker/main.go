// Command goker measures how many of the Go toolchain's GoKer kernels a
// reviewlint binary locates (see run and the printed definition).
//
// Each kernel file is copied into its own package of a throwaway module
// (package main renamed to the kernel's name, plus a stub of the harness's
// register, registerInit and yieldCount): the bugs come from library
// packages of Kubernetes, etcd, gRPC and the others, and "main" is only the
// leak profiler's test harness (rules leave package main's own goroutines
// alone on purpose). The kernels' code is read from GOROOT at every run and
// never stored in this repository.
//
// A kernel is located when a finding of a concurrency rule (goroutineleak/*,
// sharedstate/*, the bundled SA1015, SA1017, SA2000-SA2003 and copylocks)
// starts inside a function or method declared in the kernel's file other
// than its test driver: the function registered in init (the profiler
// driver that starts the test goroutines, with every closure in it) and init
// itself. Everything else in a kernel is the reduced bug. For
// commonpatterns.go, which holds six patterns in one file, a pattern is
// located when such a finding is in a function its driver reaches (by the
// names it references, transitively), other than the drivers.
//
// With -anchors, go vet, staticcheck and golangci-lint run on the same
// module and are scored by the same code (anchors.go): their findings of
// copylocks, lostcancel, waitgroup, SA1015, SA1017, SA2000, SA2002 and
// SA2003 count, nothing else of theirs.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	bin := flag.String("bin", "", "reviewlint binary to measure (required)")
	keep := flag.Bool("keep", false, "keep the throwaway module and print its path")
	out := flag.String("out", "", "write the report here instead of stdout")
	extra := flag.String("extra", "", "also measure the default configuration plus these -enable rules or analyzers (comma-separated), e.g. goroutineleak")
	gobench := flag.String("gobench", "", "measure the full GoBench GoKer set (blocking and non-blocking) of this checkout of github.com/timmyyuan/gobench instead of the toolchain's copy")
	anchors := flag.Bool("anchors", false, "also run the anchors (go vet, staticcheck, golangci-lint) on the same module and score their concurrency checks the same way")
	staticcheck := flag.String("staticcheck", "", "with -anchors: the staticcheck command (default: bench/.bin/staticcheck at bench/run's pinned version, else go run of that version)")
	golangci := flag.String("golangci-lint", "", "with -anchors: the golangci-lint command (default: bench/.bin/golangci-lint at bench/run's pinned version, else go run of that version)")
	flag.Parse()
	if *bin == "" {
		fail(fmt.Errorf("-bin is required"))
	}
	src := filepath.Join(goEnv("GOROOT"), "src", "runtime", "testdata", "testgoroutineleakprofile")
	work, err := os.MkdirTemp("", "goker-")
	check(err)
	if *keep {
		fmt.Fprintln(os.Stderr, "module:", work)
	} else {
		defer os.RemoveAll(work)
	}
	var kernels []unit
	test := false
	if *gobench != "" {
		kernels, test = prepareGoBench(*gobench, work), true
	} else {
		kernels = prepare(src, work)
	}
	configs := []config{{name: "default"}, {name: "all", flags: []string{"-enable", "all"}}}
	if *extra != "" {
		configs = append(configs, config{name: "default+" + *extra, flags: []string{"-enable", *extra}})
	}
	if *anchors {
		configs = append(configs, anchorConfigs("..", work, test, *staticcheck, *golangci)...)
	}
	for i := range configs {
		if configs[i].anchor != nil {
			configs[i].findings = configs[i].anchor()
			continue
		}
		configs[i].findings = analyse(*bin, work, test, configs[i].flags)
	}
	if *anchors {
		configs = append(configs, anyAnchor(configs))
	}
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		check(err)
		defer f.Close()
		w = f
	}
	if *gobench != "" {
		reportGoBench(w, kernels, configs)
		return
	}
	report(w, kernels, configs)
}

// config is one reviewlint configuration, or an anchor tool, and what it
// found.
type config struct {
	name     string
	flags    []string
	anchor   func() []finding // runs an anchor tool instead of reviewlint
	findings []finding
}

// anyAnchor is the union of the anchors' findings: what a team running all
// three locates.
func anyAnchor(configs []config) config {
	u := config{name: "any anchor", anchor: func() []finding { return nil }}
	for _, c := range configs {
		if c.anchor != nil {
			u.findings = append(u.findings, c.findings...)
		}
	}
	sortFindings(u.findings)
	return u
}

// finding is the part of reviewlint's JSON output the measurement reads.
type finding struct {
	Rule  string `json:"rule"`
	File  string `json:"file"`
	Start struct {
		Line int `json:"line"`
	} `json:"start"`
}

// unit is what is scored: a GoKer kernel, or one pattern of commonpatterns.go.
type unit struct {
	name    string // kernel file base name, or commonpatterns/Driver
	kind    string // GoBench's blocking or nonblocking, "" for the toolchain's copy
	subtype string // GoBench's sub-type label, "" for commonpatterns
	file    string // path relative to the module
	bug     []span // the declarations that count as the bug
}

// span is one declaration's lines.
type span struct {
	name       string
	start, end int
	method     bool // a method: a method named init is kernel code, not the package's init
}

// isInit reports whether s is the package's init function.
func (s span) isInit() bool { return s.name == "init" && !s.method }

// prepare copies every kernel into its own package under work and returns
// the units to score.
func prepare(src, work string) []unit {
	check(os.WriteFile(filepath.Join(work, "go.mod"), []byte("module gokerbench\n\ngo "+goVersion()+"\n"), 0o644))
	labels := subtypes(filepath.Join(src, "goker", "README.md"))
	files, err := filepath.Glob(filepath.Join(src, "goker", "*.go"))
	check(err)
	files = append(files, filepath.Join(src, "commonpatterns.go"))
	var units []unit
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".go")
		if base == "main" {
			continue
		}
		rel := filepath.Join(base, base+".go")
		copyKernel(f, filepath.Join(work, rel), base)
		decls, drivers, refs := parseKernel(filepath.Join(work, rel))
		if base != "commonpatterns" {
			units = append(units, unit{name: base, subtype: labels[base], file: rel, bug: without(decls, drivers)})
			continue
		}
		var names []string
		for d := range drivers {
			names = append(names, d)
		}
		sort.Strings(names)
		for _, d := range names {
			reach := reachable(d, refs)
			var bug []span
			for _, s := range decls {
				if reach[s.name] && !drivers[s.name] && !s.isInit() {
					bug = append(bug, s)
				}
			}
			units = append(units, unit{name: "commonpatterns/" + d, file: rel, bug: bug})
		}
	}
	return units
}

// copyKernel writes the kernel as package pkg, with a stub of the harness.
func copyKernel(from, to, pkg string) {
	data, err := os.ReadFile(from)
	check(err)
	re := regexp.MustCompile(`(?m)^package main$`)
	if !re.Match(data) {
		fail(fmt.Errorf("%s: no package main clause", from))
	}
	data = re.ReplaceAll(data, []byte("package "+pkg))
	check(os.MkdirAll(filepath.Dir(to), 0o755))
	check(os.WriteFile(to, data, 0o644))
	stub := "package " + pkg + "\n\n// The leak profiler harness's helpers (main.go of the toolchain's testdata).\n\nconst yieldCount = 10\n\nfunc register(name string, f func()) {}\n\nfunc registerInit(name string, f func()) {}\n"
	check(os.WriteFile(filepath.Join(filepath.Dir(to), "harness.go"), []byte(stub), 0o644))
}

// parseKernel returns the file's declarations (functions and methods, by
// name), the drivers registered in init, and the names each declaration
// references.
func parseKernel(path string) ([]span, map[string]bool, map[string]map[string]bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	check(err)
	var decls []span
	drivers := map[string]bool{}
	refs := map[string]map[string]bool{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		name := fd.Name.Name
		decls = append(decls, span{name, fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line, fd.Recv != nil})
		r := map[string]bool{}
		ast.Inspect(fd, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				r[n.Name] = true
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && name == "init" && (id.Name == "register" || id.Name == "registerInit") && len(n.Args) == 2 {
					if drv, ok := n.Args[1].(*ast.Ident); ok {
						drivers[drv.Name] = true
					}
				}
			}
			return true
		})
		refs[name] = union(refs[name], r)
	}
	if len(drivers) == 0 {
		fail(fmt.Errorf("%s: no driver registered in init", path))
	}
	return decls, drivers, refs
}

// reachable returns the declarations the driver reaches by name.
func reachable(driver string, refs map[string]map[string]bool) map[string]bool {
	seen := map[string]bool{}
	work := []string{driver}
	for len(work) > 0 {
		n := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		for m := range refs[n] {
			if _, ok := refs[m]; ok {
				work = append(work, m)
			}
		}
	}
	return seen
}

func union(a, b map[string]bool) map[string]bool {
	if a == nil {
		return b
	}
	for k := range b {
		a[k] = true
	}
	return a
}

// without returns decls minus the drivers and init.
func without(decls []span, drivers map[string]bool) []span {
	var out []span
	for _, s := range decls {
		if !drivers[s.name] && !s.isInit() {
			out = append(out, s)
		}
	}
	return out
}

// subtypes reads GoBench's sub-type of every kernel from the README's tables.
func subtypes(readme string) map[string]string {
	data, err := os.ReadFile(readme)
	check(err)
	out := map[string]string{}
	head := regexp.MustCompile(`^## (\w+)/(\d+)`)
	cur := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if m := head.FindStringSubmatch(line); m != nil {
			cur = strings.ToLower(m[1]) + m[2]
			continue
		}
		if cur != "" && strings.HasPrefix(line, "|[") {
			cols := strings.Split(line, "|")
			if len(cols) >= 6 {
				out[cur] = normalise(strings.TrimSpace(cols[5]))
			}
			cur = ""
		}
	}
	return out
}

// normalise merges the README's spellings of one sub-type.
func normalise(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasPrefix(l, "ab-ba"):
		return "AB-BA deadlock"
	case strings.HasPrefix(l, "rwr"):
		return "RWR deadlock"
	case l == "double locking":
		return "Double locking"
	}
	return s
}

// analyse runs the binary on the module and returns its findings.
func analyse(bin, work string, test bool, flags []string) []finding {
	args := append([]string{fmt.Sprintf("-test=%t", test), "-format", "json"}, flags...)
	cmd := exec.Command(bin, append(args, "./...")...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "REVIEWLINT_CACHE=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // findings
	}
	if err != nil {
		fail(fmt.Errorf("%s %v: %v\n%s", bin, flags, err, stderr.String()))
	}
	var res struct {
		Findings []finding `json:"findings"`
		Errors   []any     `json:"errors"`
	}
	check(json.Unmarshal(stdout, &res))
	if len(res.Errors) > 0 {
		fail(fmt.Errorf("%s %v: package errors: %v", bin, flags, res.Errors))
	}
	return res.Findings
}

// concurrency reports whether rule is one that can locate a blocking bug,
// by whichever tool reports it (reviewlint, or an anchor with -anchors).
// SA2001 (empty critical section) is left out: the kernels keep a lock
// point of the original code as an empty Lock/Unlock pair, so it fires on
// the reduction, not on the bug.
func concurrency(rule string) bool {
	if strings.HasPrefix(rule, "goroutineleak/") || strings.HasPrefix(rule, "sharedstate/") {
		return true
	}
	switch rule {
	case "SA1015", "SA1017", "SA2000", "SA2002", "SA2003", "copylocks":
		return true
	case "lostcancel", "waitgroup": // vet's; reviewlint does not bundle them
		return true
	}
	return false
}

// located returns the rules of fs that land in u's bug functions.
func located(u unit, fs []finding) []string {
	rules := map[string]bool{}
	for _, f := range fs {
		if filepath.Clean(f.File) != u.file || !concurrency(f.Rule) {
			continue
		}
		for _, s := range u.bug {
			if s.start <= f.Start.Line && f.Start.Line <= s.end {
				rules[f.Rule] = true
			}
		}
	}
	var out []string
	for r := range rules {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// report prints the definition, the totals, the per sub-type table and the
// per kernel table.
func report(w *os.File, units []unit, configs []config) {
	fmt.Fprintf(w, "# GoKer kernels located by reviewlint\n\n")
	fmt.Fprintf(w, "Generated by `bench/goker/run` (Go %s; kernels from `$(go env GOROOT)/src/runtime/testdata/testgoroutineleakprofile`).\n\n", goVersion())
	fmt.Fprintf(w, "**Located**: a finding of a concurrency rule (goroutineleak/\\*, sharedstate/\\*, SA1015, SA1017, SA2000, SA2002, SA2003, copylocks; not SA2001, which fires on the empty `Lock(); Unlock()` pairs the reduction left) starts inside a function or method of the kernel's file other than its test driver (the function registered in `init`, closures included) and `init`. Each kernel is its own package, `package main` renamed (the bugs come from library packages; `main` is the profiler harness). For `commonpatterns.go`, a pattern is located when the finding is in a function its driver reaches. Findings of other rules are not counted.\n\n")
	anchorNote(w, configs, false)
	kernels, patterns := split(units)
	fmt.Fprintf(w, "| config | GoKer kernels located | of | commonpatterns located | of | goroutineleak rules only (kernels) |\n|---|---:|---:|---:|---:|---:|\n")
	for _, c := range configs {
		k, p, g := 0, 0, 0
		for _, u := range kernels {
			rs := located(u, c.findings)
			if len(rs) > 0 {
				k++
			}
			if hasPrefix(rs, "goroutineleak/") {
				g++
			}
		}
		for _, u := range patterns {
			if len(located(u, c.findings)) > 0 {
				p++
			}
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d |\n", c.name, k, len(kernels), p, len(patterns), g)
	}
	subtypeTable(w, "Per GoBench sub-type", kernels, configs)
	unitTable(w, "Per kernel", units, configs)
	notCounted(w, units, configs)
}

// notCounted prints, per configuration, the findings that located nothing:
// of other rules, or of concurrency rules outside the bug functions.
func notCounted(w *os.File, units []unit, configs []config) {
	fmt.Fprintf(w, "\n## Findings not counted\n\n")
	for _, c := range configs {
		other, driver := 0, 0
		for _, f := range c.findings {
			if !concurrency(f.Rule) {
				other++
			} else if !inAnyBug(units, f) {
				driver++
			}
		}
		fmt.Fprintf(w, "- %s: %d findings in all, %d of other rules, %d of concurrency rules outside the bug functions (drivers, init)%s\n", c.name, len(c.findings), other, driver, byCheck(c))
	}
}

// subtypeTable prints, per GoBench sub-type, how many units each
// configuration located.
func subtypeTable(w *os.File, title string, kernels []unit, configs []config) {
	fmt.Fprintf(w, "\n## %s\n\n| sub-type | total |", title)
	for _, c := range configs {
		fmt.Fprintf(w, " %s |", c.name)
	}
	fmt.Fprintf(w, "\n|---|---:|")
	for range configs {
		fmt.Fprintf(w, "---:|")
	}
	fmt.Fprintln(w)
	bySub := map[string][]unit{}
	var subs []string
	for _, u := range kernels {
		if bySub[u.subtype] == nil {
			subs = append(subs, u.subtype)
		}
		bySub[u.subtype] = append(bySub[u.subtype], u)
	}
	sort.Strings(subs)
	for _, s := range subs {
		fmt.Fprintf(w, "| %s | %d |", s, len(bySub[s]))
		for _, c := range configs {
			n := 0
			for _, u := range bySub[s] {
				if len(located(u, c.findings)) > 0 {
					n++
				}
			}
			fmt.Fprintf(w, " %d |", n)
		}
		fmt.Fprintln(w)
	}
}

// unitTable prints the rules that located each unit, per configuration.
func unitTable(w *os.File, title string, units []unit, configs []config) {
	fmt.Fprintf(w, "\n## %s\n\n| kernel | sub-type |", title)
	for _, c := range configs {
		fmt.Fprintf(w, " %s |", c.name)
	}
	fmt.Fprintf(w, "\n|---|---|")
	for range configs {
		fmt.Fprintf(w, "---|")
	}
	fmt.Fprintln(w)
	for _, u := range units {
		fmt.Fprintf(w, "| %s | %s |", u.name, u.subtype)
		for _, c := range configs {
			rs := located(u, c.findings)
			cell := "–"
			if len(rs) > 0 {
				cell = strings.Join(rs, ", ")
			}
			fmt.Fprintf(w, " %s |", cell)
		}
		fmt.Fprintln(w)
	}
}

func split(units []unit) (kernels, patterns []unit) {
	for _, u := range units {
		if strings.HasPrefix(u.name, "commonpatterns/") {
			patterns = append(patterns, u)
		} else {
			kernels = append(kernels, u)
		}
	}
	return kernels, patterns
}

func inAnyBug(units []unit, f finding) bool {
	for _, u := range units {
		if filepath.Clean(f.File) != u.file {
			continue
		}
		for _, s := range u.bug {
			if s.start <= f.Start.Line && f.Start.Line <= s.end {
				return true
			}
		}
	}
	return false
}

func hasPrefix(rs []string, p string) bool {
	for _, r := range rs {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	return false
}

func goEnv(name string) string {
	out, err := exec.Command("go", "env", name).Output()
	check(err)
	return strings.TrimSpace(string(out))
}

// goVersion is the toolchain's language version, e.g. 1.26.
func goVersion() string {
	v := strings.TrimPrefix(goEnv("GOVERSION"), "go")
	if parts := strings.SplitN(v, ".", 3); len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return v
}

func check(err error) {
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "goker:", err)
	os.Exit(2)
}
