// Command benchreport turns the raw measurements of bench/run (runs.tsv and
// the tools' outputs) into the markdown report bench/results/latest.md, and
// merges reviewlint's per-module JSON outputs into one findings file for the
// ledger. It is run by bench/run; see bench/README.md.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"reviewlint.bench/ledger/internal/findings"
)

var tools = []string{"vet", "staticcheck", "golangci-lint", "reviewlint"}
var scenarios = []string{"cold", "warm", "edit"}

type run struct {
	rep                  int
	module, name, dir    string
	tool, scenario       string
	rc                   int
	wall, user, sys      float64
	rssKB                int64
	out, errf            string
	findings, loadErrors int
	byKey                map[string]int
	load                 float64 // 1-minute load average just before the run
	problem              string
	reviewlint           *findings.Output
}

func main() {
	runsPath := flag.String("runs", "bench/results/raw/runs.tsv", "runs.tsv written by bench/run")
	metaPath := flag.String("meta", "", "meta.txt written by bench/run (header of the report)")
	corpus := flag.String("corpus", "bench/.work/src", "directory with the prepared modules and their .meta files")
	outPath := flag.String("o", "bench/results/latest.md", "markdown report to write (also printed)")
	findingsPath := flag.String("findings", "", "write reviewlint's merged findings (run 1, cold) here")
	flag.Parse()
	if err := mainErr(*runsPath, *metaPath, *corpus, *outPath, *findingsPath); err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

func mainErr(runsPath, metaPath, corpus, outPath, findingsPath string) error {
	runs, err := readRuns(runsPath)
	if err != nil {
		return err
	}
	for _, r := range runs {
		count(r)
	}
	var meta []string
	if metaPath != "" {
		data, err := os.ReadFile(metaPath)
		if err != nil {
			return err
		}
		meta = strings.Split(strings.TrimSpace(string(data)), "\n")
	}
	var b strings.Builder
	report(&b, runs, meta, corpus)
	if err := os.WriteFile(outPath, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Print(b.String())
	if findingsPath != "" {
		if err := mergeFindings(runs, corpus, findingsPath); err != nil {
			return err
		}
	}
	return nil
}

func readRuns(path string) ([]*run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var runs []*run
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		if n == 1 {
			continue // header
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 13 {
			return nil, fmt.Errorf("%s:%d: want 13 columns, got %d", path, n, len(c))
		}
		r := &run{module: c[1], name: c[2], dir: c[3], tool: c[4], scenario: c[5], out: c[11], errf: c[12]}
		r.rep, _ = strconv.Atoi(c[0])
		r.rc, _ = strconv.Atoi(c[6])
		r.wall = num(c[7])
		r.user = num(c[8])
		r.sys = num(c[9])
		r.rssKB, _ = strconv.ParseInt(c[10], 10, 64)
		r.load = math.NaN()
		if len(c) > 13 {
			r.load = num(c[13])
		}
		runs = append(runs, r)
	}
	return runs, sc.Err()
}

func num(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

var (
	diagRe     = regexp.MustCompile(`^([^\s#].*\.go):(\d+)(:\d+)?: (.*)$`)
	trailingRe = regexp.MustCompile(`\(([\w-]+)\)$`)
)

func lines(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

func firstLine(path string) string {
	for _, l := range lines(path) {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Command exited") {
			if len(l) > 160 {
				l = l[:160] + "..."
			}
			return l
		}
	}
	return ""
}

// count fills in findings, load errors and the per-check breakdown of r,
// and says what went wrong if the run failed.
func count(r *run) {
	r.byKey = map[string]int{}
	ok := map[int]bool{0: true, 1: true}
	switch r.tool {
	case "vet":
		for _, l := range lines(r.errf) {
			if strings.HasPrefix(l, "vet: ") {
				r.loadErrors++
			} else if diagRe.MatchString(l) {
				r.findings++
				r.byKey["vet"]++
			}
		}
	case "staticcheck", "golangci-lint":
		for _, l := range lines(r.out) {
			m := diagRe.FindStringSubmatch(l)
			if m == nil {
				if r.tool == "staticcheck" && strings.HasPrefix(l, "-: ") {
					r.loadErrors++
				}
				continue
			}
			key := "?"
			if t := trailingRe.FindStringSubmatch(m[4]); t != nil {
				key = t[1]
			}
			if key == "compile" || key == "typecheck" {
				r.loadErrors++
				continue
			}
			r.findings++
			r.byKey[key]++
		}
	case "reviewlint":
		ok[3] = true
		data, err := os.ReadFile(r.out)
		var o findings.Output
		if err == nil {
			err = json.Unmarshal(data, &o)
		}
		if err != nil {
			r.problem = "no JSON on stdout: " + firstLine(r.errf)
		} else {
			r.reviewlint = &o
			r.findings = len(o.Findings)
			r.loadErrors = len(o.Errors)
			for _, raw := range o.Findings {
				var f findings.Finding
				if json.Unmarshal(raw, &f) == nil {
					r.byKey[f.Rule]++
				}
			}
		}
	}
	switch {
	case r.rc >= 128:
		r.problem = fmt.Sprintf("killed by signal %d", r.rc-128)
	case !ok[r.rc]:
		r.problem = fmt.Sprintf("exit %d: %s", r.rc, firstLine(r.errf))
	case r.problem == "" && r.loadErrors > 0:
		r.problem = fmt.Sprintf("%d package load/type errors", r.loadErrors)
	}
}

func median(xs []float64) float64 {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return math.NaN()
	}
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// repTotal is one tool x scenario over the whole corpus in one repetition.
type repTotal struct {
	wall, cpu, findings, loadErrors float64
	rss                             int64
	failed                          int
}

// agg collects the repetitions' totals of one tool x scenario.
type agg struct {
	wall, cpu, rssMiB, findings, loadErrors []float64
	failed                                  int
	n                                       int
}

func f1(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

func f2(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

func f0(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return strconv.FormatFloat(x, 'f', 0, 64)
}

func ratio(a, b float64) string {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return "-"
	}
	return strconv.FormatFloat(a/b, 'f', 2, 64) + "x"
}

func report(w io.Writer, runs []*run, meta []string, corpus string) {
	present := map[string]bool{}
	var names []string
	modOf := map[string]string{}
	reps := map[int]bool{}
	for _, r := range runs {
		present[r.tool] = true
		if modOf[r.name] == "" {
			names = append(names, r.name)
			modOf[r.name] = r.module
		}
		reps[r.rep] = true
	}
	var ts []string
	for _, t := range tools {
		if present[t] {
			ts = append(ts, t)
		}
	}

	fmt.Fprintf(w, "# reviewlint benchmark\n\n")
	for _, m := range meta {
		fmt.Fprintf(w, "- %s\n", m)
	}
	var loads []float64
	maxLoad := math.NaN()
	for _, r := range runs {
		loads = append(loads, r.load)
		if !math.IsNaN(r.load) && (math.IsNaN(maxLoad) || r.load > maxLoad) {
			maxLoad = r.load
		}
	}
	if l := median(loads); !math.IsNaN(l) {
		fmt.Fprintf(w, "- machine load: 1-minute load average before each run: median %.1f, max %.1f", l, maxLoad)
		if l > 2.5 { // the benchmark itself keeps up to 2 cores busy
			fmt.Fprintf(w, " (**other work competed for the 2 cores: absolute times are inflated and noisy**)")
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nEvery tool analyses the same packages (non-test; see bench/corpus/CORPUS.md) in each module's\n"+
		"own directory. cold: primed GOCACHE (compiled dependencies, no analysis results) and an empty\n"+
		"cache of the tool's own; warm: the same again; edit: one function appended to one file.\n"+
		"Each number is the median over runs of the whole-corpus figure: wall and CPU (user+sys) are\n"+
		"summed over modules, peak RSS is the largest single process (GNU time) over modules,\n"+
		"findings are summed. How to read it: bench/README.md.\n\n")

	// tool x scenario -> per rep totals
	byTS := map[string]map[int]*repTotal{}
	for _, r := range runs {
		k := r.tool + "/" + r.scenario
		if byTS[k] == nil {
			byTS[k] = map[int]*repTotal{}
		}
		t := byTS[k][r.rep]
		if t == nil {
			t = &repTotal{}
			byTS[k][r.rep] = t
		}
		t.wall += r.wall
		t.cpu += r.user + r.sys
		t.findings += float64(r.findings)
		t.loadErrors += float64(r.loadErrors)
		if r.rssKB > t.rss {
			t.rss = r.rssKB
		}
		if r.problem != "" {
			t.failed++
		}
	}
	med := map[string]*agg{}
	for k, perRep := range byTS {
		a := &agg{}
		for _, t := range perRep {
			a.wall = append(a.wall, t.wall)
			a.cpu = append(a.cpu, t.cpu)
			a.rssMiB = append(a.rssMiB, float64(t.rss)/1024)
			a.findings = append(a.findings, t.findings)
			a.loadErrors = append(a.loadErrors, t.loadErrors)
			a.failed += t.failed
			a.n++
		}
		med[k] = a
	}

	fmt.Fprintf(w, "## Whole corpus (%d modules, median of %d runs)\n\n", len(names), len(reps))
	fmt.Fprintf(w, "| tool | scenario | wall s | CPU s | peak RSS MiB | findings | load errors | failed runs |\n")
	fmt.Fprintf(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, t := range ts {
		for _, s := range scenarios {
			a := med[t+"/"+s]
			if a == nil {
				continue
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %d |\n", t, s, f1(median(a.wall)), f1(median(a.cpu)),
				f0(median(a.rssMiB)), f0(median(a.findings)), f0(median(a.loadErrors)), a.failed)
		}
	}
	fmt.Fprintln(w)

	if present["reviewlint"] {
		fmt.Fprintf(w, "## reviewlint relative to the others (median wall time and peak RSS; below 1 is better)\n\n")
		fmt.Fprintf(w, "| scenario | wall / vet | wall / staticcheck | wall / golangci-lint | RSS / vet | RSS / staticcheck | RSS / golangci-lint |\n")
		fmt.Fprintf(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, s := range scenarios {
			rv := med["reviewlint/"+s]
			if rv == nil {
				continue
			}
			row := []string{s}
			for _, field := range []string{"wall", "rss"} {
				for _, o := range []string{"vet", "staticcheck", "golangci-lint"} {
					a := med[o+"/"+s]
					if a == nil {
						row = append(row, "-")
						continue
					}
					if field == "wall" {
						row = append(row, ratio(median(rv.wall), median(a.wall)))
					} else {
						row = append(row, ratio(median(rv.rssMiB), median(a.rssMiB)))
					}
				}
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprintf(w, "reviewlint was not measured in this run, so there are no ratios.\n\n")
	}

	// Per module.
	type mk struct{ name, tool, scenario string }
	per := map[mk][]*run{}
	for _, r := range runs {
		k := mk{r.name, r.tool, r.scenario}
		per[k] = append(per[k], r)
	}
	medOf := func(rs []*run, f func(*run) float64) float64 {
		var v []float64
		for _, r := range rs {
			v = append(v, f(r))
		}
		return median(v)
	}
	fmt.Fprintf(w, "## Per module: median wall seconds cold / warm / edit\n\n")
	fmt.Fprintf(w, "| module | lines |")
	for _, t := range ts {
		fmt.Fprintf(w, " %s |", t)
	}
	fmt.Fprintf(w, "\n| --- | ---: |")
	for range ts {
		fmt.Fprintf(w, " ---: |")
	}
	fmt.Fprintln(w)
	for _, n := range names {
		fmt.Fprintf(w, "| %s | %s |", modOf[n], metaValue(corpus, n, "lines"))
		for _, t := range ts {
			var cells []string
			for _, s := range scenarios {
				cells = append(cells, f1(medOf(per[mk{n, t, s}], func(r *run) float64 { return r.wall })))
			}
			fmt.Fprintf(w, " %s |", strings.Join(cells, " / "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "## Per module: peak RSS MiB (cold) and findings (cold, run 1)\n\n")
	fmt.Fprintf(w, "| module |")
	for _, t := range ts {
		fmt.Fprintf(w, " %s RSS | %s findings |", t, t)
	}
	fmt.Fprintf(w, "\n| --- |")
	for range ts {
		fmt.Fprintf(w, " ---: | ---: |")
	}
	fmt.Fprintln(w)
	for _, n := range names {
		fmt.Fprintf(w, "| %s |", modOf[n])
		for _, t := range ts {
			rs := per[mk{n, t, "cold"}]
			fs := "-"
			for _, r := range rs {
				if r.rep == 1 {
					fs = strconv.Itoa(r.findings)
					if r.problem != "" {
						fs += " (!)"
					}
				}
			}
			fmt.Fprintf(w, " %s | %s |", f0(medOf(rs, func(r *run) float64 { return float64(r.rssKB) / 1024 })), fs)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)

	// Findings by check (cold, run 1).
	fmt.Fprintf(w, "## Findings by check (cold, run 1, whole corpus)\n\n")
	for _, t := range ts {
		keys := map[string]int{}
		for _, r := range runs {
			if r.tool == t && r.scenario == "cold" && r.rep == 1 {
				for k, v := range r.byKey {
					keys[k] += v
				}
			}
		}
		var ks []string
		for k := range keys {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool {
			if keys[ks[i]] != keys[ks[j]] {
				return keys[ks[i]] > keys[ks[j]]
			}
			return ks[i] < ks[j]
		})
		var parts []string
		for _, k := range ks {
			parts = append(parts, fmt.Sprintf("%s %d", k, keys[k]))
		}
		if len(parts) == 0 {
			parts = []string{"none"}
		}
		fmt.Fprintf(w, "- %s: %s\n", t, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)

	// Consistency: a cache must not change what a tool reports.
	var incons []string
	for _, r := range runs {
		if r.scenario != "warm" {
			continue
		}
		for _, c := range per[mk{r.name, r.tool, "cold"}] {
			if c.rep == r.rep && c.problem == "" && r.problem == "" && c.findings != r.findings {
				incons = append(incons, fmt.Sprintf("- run %d, %s, %s: cold %d findings, warm %d", r.rep, r.module, r.tool, c.findings, r.findings))
			}
		}
	}
	fmt.Fprintf(w, "## Cold and warm agree\n\n")
	if len(incons) == 0 {
		fmt.Fprintf(w, "Every tool reported the same number of findings warm as cold on every module.\n\n")
	} else {
		fmt.Fprintf(w, "These runs reported a different number of findings warm than cold (a cache bug?):\n\n%s\n\n", strings.Join(incons, "\n"))
	}

	fmt.Fprintf(w, "## Failed runs\n\n")
	var probs []string
	seen := map[string]bool{}
	for _, r := range runs {
		if r.problem == "" {
			continue
		}
		k := r.module + "|" + r.tool + "|" + r.problem
		if seen[k] {
			continue
		}
		seen[k] = true
		probs = append(probs, fmt.Sprintf("- %s, %s (%s, run %d; same problem not repeated): %s  \n  log: %s", r.module, r.tool, r.scenario, r.rep, r.problem, r.errf))
	}
	if len(probs) == 0 {
		fmt.Fprintf(w, "None: every tool loaded and analysed every package.\n")
	} else {
		fmt.Fprintf(w, "%s\n", strings.Join(probs, "\n"))
	}
}

func metaValue(corpus, name, key string) string {
	for _, l := range lines(corpus + "/" + name + ".meta") {
		if v, ok := strings.CutPrefix(l, key+"="); ok {
			return v
		}
	}
	return "-"
}

// mergeFindings writes reviewlint's cold outputs of run 1 as one file,
// every finding annotated with module, module-relative file and code.
func mergeFindings(runs []*run, corpus, path string) error {
	m := findings.Merged{Comment: "reviewlint findings on the benchmark corpus (bench/run, run 1, cold); triage with bench/.bin/ledger"}
	var src findings.Lines
	for _, r := range runs {
		if r.tool != "reviewlint" || r.scenario != "cold" || r.rep != 1 {
			continue
		}
		mm := findings.MergedModule{Module: r.module, Version: metaValue(corpus, r.name, "version"), Dir: r.dir, ExitCode: r.rc, Problem: r.problem,
			Findings: []json.RawMessage{}, Errors: []json.RawMessage{}}
		if r.reviewlint != nil {
			mm.Errors = append(mm.Errors, r.reviewlint.Errors...)
			for _, raw := range r.reviewlint.Findings {
				var obj map[string]any
				if err := json.Unmarshal(raw, &obj); err != nil {
					return err
				}
				fs, err := findings.Annotate(r.module, r.dir, []json.RawMessage{raw}, &src)
				if err != nil {
					return err
				}
				obj["module"] = fs[0].Module
				obj["relfile"] = fs[0].RelFile
				obj["code"] = fs[0].Code
				enc, err := json.Marshal(obj)
				if err != nil {
					return err
				}
				mm.Findings = append(mm.Findings, enc)
			}
		}
		m.Modules = append(m.Modules, mm)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
