package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// The anchors (-anchors): go vet, staticcheck and golangci-lint run on the
// same throwaway module as reviewlint, their findings turned into the same
// finding records, so that "located" (located, concurrency) is computed by
// the very code that scores reviewlint. Only the concurrency checks count:
// vet's copylocks, lostcancel and waitgroup, staticcheck's SA1015, SA1017,
// SA2000, SA2002 and SA2003 (SA2001 is left out as for reviewlint), whichever
// tool reports them.

// anchorStaticcheckChecks adds the concurrency checks to staticcheck's
// default set (they are in it already; naming them keeps the run the same
// if the default changes).
const anchorStaticcheckChecks = "inherit,SA1015,SA1017,SA2000,SA2001,SA2002,SA2003"

// anchorConfigs returns the anchor rows: each runs its tool on work when
// asked. test says whether test files are analysed (GoBench's kernels are
// test files).
func anchorConfigs(benchDir, work string, test bool, staticcheckCmd, golangciCmd string) []config {
	benchDir, err := filepath.Abs(benchDir) // the tools run in work
	check(err)
	versions := pinnedVersions(filepath.Join(benchDir, "run"))
	sc := toolCommand(staticcheckCmd, filepath.Join(benchDir, ".bin", "staticcheck"), []string{"-version"}, "("+strings.TrimPrefix(versions["STATICCHECK_VERSION"], "v")+")",
		"honnef.co/go/tools/cmd/staticcheck@"+versions["STATICCHECK_VERSION"])
	gl := toolCommand(golangciCmd, filepath.Join(benchDir, ".bin", "golangci-lint"), []string{"version"}, "version "+strings.TrimPrefix(versions["GOLANGCI_VERSION"], "v")+" ",
		"github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+versions["GOLANGCI_VERSION"])
	cache := filepath.Join(work, ".anchor-cache")
	glConfig := filepath.Join(benchDir, "golangci-anchors.yml")
	return []config{
		{name: "go vet", anchor: func() []finding { return vetFindings(work) }},
		{name: "staticcheck", anchor: func() []finding {
			return staticcheckFindings(work, sc, test, filepath.Join(cache, "staticcheck"))
		}},
		{name: "golangci-lint", anchor: func() []finding {
			return golangciFindings(work, gl, glConfig, test, filepath.Join(cache, "golangci-lint"))
		}},
	}
}

// anchorCommands describes the anchor runs for the report.
func anchorCommands(test bool) []string {
	return []string{
		"go vet: `go vet -json ./...` (the default analyzers)",
		fmt.Sprintf("staticcheck: `staticcheck -tests=%t -checks %s -f json ./...`", test, anchorStaticcheckChecks),
		fmt.Sprintf("golangci-lint: `golangci-lint run -c bench/golangci-anchors.yml -E staticcheck --tests=%t --allow-parallel-runners --max-issues-per-linter=0 --max-same-issues=0 --uniq-by-line=false --output.json.path=stdout ./...` (the benchmark's anchor linters, whose concurrency checks are govet's, plus staticcheck, which golangci-lint's standard set enables)", test),
	}
}

// pinnedVersions reads the NAME=vX.Y.Z lines of bench/run: the anchors run
// at the versions the benchmark pins.
func pinnedVersions(path string) map[string]string {
	data, err := os.ReadFile(path)
	check(err)
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^(\w+_VERSION)=(v[0-9][^\s]*)$`).FindAllSubmatch(data, -1) {
		out[string(m[1])] = string(m[2])
	}
	for _, k := range []string{"STATICCHECK_VERSION", "GOLANGCI_VERSION"} {
		if out[k] == "" {
			fail(fmt.Errorf("%s: no %s= line", path, k))
		}
	}
	return out
}

// toolCommand is the command to run a tool: the one given, else the
// benchmark's installed binary when it is at the pinned version, else go
// run of the pinned version (built once, then cached by the go command).
func toolCommand(given, installed string, versionArgs []string, want, pkg string) []string {
	if given != "" {
		argv := strings.Fields(given)
		if strings.ContainsRune(argv[0], filepath.Separator) {
			abs, err := filepath.Abs(argv[0])
			check(err)
			argv[0] = abs
		}
		return argv
	}
	if out, err := exec.Command(installed, versionArgs...).CombinedOutput(); err == nil && strings.Contains(string(out), want) {
		return []string{installed}
	}
	return []string{"go", "run", pkg}
}

// runTool runs argv in work and returns its stdout and stderr; exit codes
// in ok are accepted (findings), any other fails the measurement.
func runTool(work string, env []string, ok []int, argv ...string) (stdout, stderr []byte) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), append([]string{"GOTOOLCHAIN=local", "GOWORK=off"}, env...)...)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	if ee, isExit := err.(*exec.ExitError); isExit {
		for _, c := range ok {
			if ee.ExitCode() == c {
				err = nil
			}
		}
	}
	if err != nil {
		fail(fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, se.String()))
	}
	return so.Bytes(), se.Bytes()
}

// vetFindings runs go vet -json: it prints, per package, an object
// {pkg: {analyzer: [{posn, message}]}}, on stdout since Go 1.26 (before,
// on stderr after a "# pkg" line).
func vetFindings(work string) []finding {
	stdout, stderr := runTool(work, nil, []int{0}, "go", "vet", "-json", "./...")
	if !bytes.Contains(stdout, []byte("{")) {
		stdout = stderr
	}
	var out []finding
	dec := json.NewDecoder(bytes.NewReader(stripHashLines(stdout)))
	for dec.More() {
		var obj map[string]map[string]json.RawMessage
		check(dec.Decode(&obj))
		for pkg, byAnalyzer := range obj {
			for analyzer, raw := range byAnalyzer {
				var ds []struct {
					Posn string `json:"posn"`
				}
				if err := json.Unmarshal(raw, &ds); err != nil {
					fail(fmt.Errorf("go vet: %s: %s: %s", pkg, analyzer, raw))
				}
				for _, d := range ds {
					out = append(out, atPosn(work, analyzer, d.Posn))
				}
			}
		}
	}
	return sortFindings(out)
}

func stripHashLines(b []byte) []byte {
	var keep [][]byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		if !bytes.HasPrefix(l, []byte("# ")) {
			keep = append(keep, l)
		}
	}
	return bytes.Join(keep, []byte("\n"))
}

// staticcheckFindings runs staticcheck -f json (one object a line).
func staticcheckFindings(work string, argv []string, test bool, cache string) []finding {
	args := append(append([]string{}, argv...), fmt.Sprintf("-tests=%t", test), "-checks", anchorStaticcheckChecks, "-f", "json", "./...")
	stdout, _ := runTool(work, []string{"STATICCHECK_CACHE=" + cache}, []int{0, 1}, args...)
	var out []finding
	dec := json.NewDecoder(bytes.NewReader(stdout))
	for dec.More() {
		var d struct {
			Code     string `json:"code"`
			Message  string `json:"message"`
			Location struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"location"`
		}
		check(dec.Decode(&d))
		if d.Code == "compile" {
			fail(fmt.Errorf("staticcheck: %s:%d: %s", d.Location.File, d.Location.Line, d.Message))
		}
		out = append(out, at(work, d.Code, d.Location.File, d.Location.Line))
	}
	return sortFindings(out)
}

// golangciFindings runs golangci-lint with the benchmark's anchor config
// plus staticcheck. A govet or staticcheck issue's text starts with the
// analyzer or check ("copylocks: ...", "SA2002: ..."), which is its rule.
func golangciFindings(work string, argv []string, config string, test bool, cache string) []finding {
	args := append(append([]string{}, argv...), "run", "-c", config, "-E", "staticcheck", fmt.Sprintf("--tests=%t", test),
		"--allow-parallel-runners", "--max-issues-per-linter=0", "--max-same-issues=0", "--uniq-by-line=false",
		"--output.json.path=stdout", "--show-stats=false", "./...")
	stdout, _ := runTool(work, []string{"GOLANGCI_LINT_CACHE=" + cache}, []int{0, 1}, args...)
	var res struct {
		Issues []struct {
			FromLinter string `json:"FromLinter"`
			Text       string `json:"Text"`
			Pos        struct {
				Filename string `json:"Filename"`
				Line     int    `json:"Line"`
			} `json:"Pos"`
		} `json:"Issues"`
	}
	check(json.Unmarshal(firstJSONLine(stdout), &res))
	prefix := regexp.MustCompile(`^(\w+): `)
	var out []finding
	for _, is := range res.Issues {
		rule := is.FromLinter
		if m := prefix.FindStringSubmatch(is.Text); m != nil {
			rule = m[1]
		}
		out = append(out, at(work, rule, is.Pos.Filename, is.Pos.Line))
	}
	return sortFindings(out)
}

// firstJSONLine is the line of golangci-lint's stdout that holds the
// report (the text output may share the stream).
func firstJSONLine(b []byte) []byte {
	for _, l := range bytes.Split(b, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimSpace(l), []byte("{")) {
			return l
		}
	}
	fail(fmt.Errorf("golangci-lint: no JSON report in its output: %.300s", b))
	return nil
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

func atPosn(work, rule, posn string) finding {
	m := posnRE.FindStringSubmatch(posn)
	if m == nil {
		fail(fmt.Errorf("%s: unexpected position %q", rule, posn))
	}
	line := 0
	fmt.Sscan(m[2], &line)
	return at(work, rule, m[1], line)
}

// at makes a finding with its file relative to the module, as reviewlint
// prints them.
func at(work, rule, file string, line int) finding {
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(realPath(work), realPath(file)); err == nil {
			file = rel
		}
	}
	f := finding{Rule: rule, File: file}
	f.Start.Line = line
	return f
}

func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

func sortFindings(fs []finding) []finding {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		return a.Rule < b.Rule
	})
	return fs
}

// anchorNote says, when the anchors were run, how and what of theirs counts.
func anchorNote(w *os.File, configs []config, test bool) {
	run := false
	for _, c := range configs {
		run = run || c.anchor != nil
	}
	if !run {
		return
	}
	fmt.Fprintf(w, "**Anchors** (`-anchors`) run on the same module and are scored by the same code. Counted: the concurrency checks go vet's copylocks, lostcancel and waitgroup, staticcheck's SA1015, SA1017, SA2000, SA2002 and SA2003 (SA2001 left out as above), whichever tool reports them (golangci-lint's govet and staticcheck report the same names); every other check of theirs (unused, style, errcheck...) is not counted. `any anchor` is the union of the three. Commands, in the module:\n\n")
	for _, c := range anchorCommands(test) {
		fmt.Fprintf(w, "- %s\n", c)
	}
	fmt.Fprintln(w)
}

// byCheck lists an anchor's findings by check, for the "not counted"
// lines: what the anchors do report on the kernels.
func byCheck(c config) string {
	if c.anchor == nil || len(c.findings) == 0 {
		return ""
	}
	n := map[string]int{}
	var rules []string
	for _, f := range c.findings {
		if n[f.Rule] == 0 {
			rules = append(rules, f.Rule)
		}
		n[f.Rule]++
	}
	sort.Strings(rules)
	var parts []string
	for _, r := range rules {
		parts = append(parts, fmt.Sprintf("%s %d", r, n[r]))
	}
	return "; by check: " + strings.Join(parts, ", ")
}
