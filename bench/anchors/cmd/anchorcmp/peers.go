package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// cmdPeers is the helper of bench/peers/run (see bench/peers/README.md):
// "peers prepare" copies a peer linter's testdata into a scratch module,
// "peers score" scores reviewlint's runs on those modules against the
// peers' want lines in scope.
func cmdPeers(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("peers: want prepare or score")
	}
	switch args[0] {
	case "prepare":
		return cmdPeersPrepare(args[1:])
	case "score":
		return cmdPeersScore(args[1:])
	}
	return fmt.Errorf("peers: unknown subcommand %q (prepare, score)", args[0])
}

// cmdPeersPrepare copies every package under -src (a GOPATH-style
// testdata/src, or a directory of plain packages) to -dst, rewriting the
// imports of the tree's own packages to -module/..., as prepare does for a
// family. The go.mod is -gomod with its module line replaced (the peer's
// own requires, for testdata importing third-party packages), or a bare one.
func cmdPeersPrepare(args []string) error {
	fs := flag.NewFlagSet("peers prepare", flag.ExitOnError)
	src := fs.String("src", "", "the peer's testdata package root")
	dst := fs.String("dst", "", "directory of the module to create (must not exist yet)")
	modPath := fs.String("module", "", "the module path")
	goVersion := fs.String("go", "1.26", "the module's go line (without -gomod)")
	gomodFile := fs.String("gomod", "", "a go.mod whose requires to keep (its module line is replaced)")
	fs.Parse(args)
	if *src == "" || *dst == "" || *modPath == "" {
		return fmt.Errorf("peers prepare: -src, -dst and -module are required")
	}
	if _, err := os.Stat(*dst); err == nil {
		return fmt.Errorf("peers prepare: %s already exists", *dst)
	}
	pkgs, err := packageDirs(*src, "")
	if err != nil {
		return err
	}
	if len(pkgs) == 0 {
		return fmt.Errorf("peers prepare: no Go package under %s", *src)
	}
	if _, err := copyPackages(*src, pkgs, *dst, *modPath); err != nil {
		return err
	}
	gomod := fmt.Sprintf("module %s\n\ngo %s\n", *modPath, *goVersion)
	if *gomodFile != "" {
		b, err := os.ReadFile(*gomodFile)
		if err != nil {
			return err
		}
		gomod = replaceModuleLine(string(b), *modPath)
	}
	if err := os.WriteFile(filepath.Join(*dst, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "anchorcmp peers prepare: %d packages copied to %s\n", len(pkgs), *dst)
	return nil
}

var moduleLineRE = regexp.MustCompile(`(?m)^module[ \t]+\S+[ \t]*$`)

func replaceModuleLine(gomod, modPath string) string {
	return moduleLineRE.ReplaceAllLiteralString(gomod, "module "+modPath)
}

// A peerWant is one expectation of a peer's testdata: a `// want` line, or
// a line of an expected_results.txt (sqlclosecheck's ground truth).
type peerWant struct {
	file string // relative to the scratch module
	line int
	text string
	// Scope: rules is empty when the want is out of scope.
	rules  []string
	at     int // the line the in-scope want is looked for on (its own line unless the scope row says @N)
	reason string
	// Results: the finding of each configuration on the line, if any.
	hit [2]*finding
}

func (w *peerWant) where() string { return fmt.Sprintf("%s:%d", w.file, w.line) }

// A scopeRow is one line of bench/peers/scope.tsv: peer, match, rules,
// reason. match is "*", "re:REGEXP" (on the want's text), FILE or
// FILE:LINE; rules is "-" (out of scope) or RULE[|RULE...][@LINE]. The
// first row of the peer that matches a want decides.
type scopeRow struct {
	peer, match, rules, reason string
	re                         *regexp.Regexp
	lineNo                     int
}

func readScope(file string) ([]scopeRow, error) {
	rows, err := readTSV(file)
	if err != nil {
		return nil, err
	}
	var out []scopeRow
	for i, r := range rows {
		if len(r) < 4 {
			return nil, fmt.Errorf("%s: row %d: want peer, match, rules, reason", file, i+1)
		}
		row := scopeRow{peer: r[0], match: r[1], rules: r[2], reason: r[3], lineNo: i + 1}
		if p, ok := strings.CutPrefix(row.match, "re:"); ok {
			if row.re, err = regexp.Compile(p); err != nil {
				return nil, fmt.Errorf("%s: row %d: %v", file, i+1, err)
			}
		}
		out = append(out, row)
	}
	return out, nil
}

func (r *scopeRow) matches(w *peerWant) bool {
	switch {
	case r.match == "*":
		return true
	case r.re != nil:
		return r.re.MatchString(w.text)
	case strings.Contains(r.match, ":"):
		return r.match == w.where()
	}
	return r.match == w.file
}

// applyScope sets the rules, target line and reason of every want from the
// first matching row of the peer; wants of broken packages (that do not
// compile, so no analyzer sees them) are out of scope whatever the rows say.
func applyScope(peer string, wants []*peerWant, rows []scopeRow, broken map[string]string) error {
	for _, w := range wants {
		if why, ok := broken[filepath.ToSlash(filepath.Dir(w.file))]; ok {
			w.reason = "the package does not compile (" + why + ")"
			continue
		}
		var row *scopeRow
		for i := range rows {
			if rows[i].peer == peer && rows[i].matches(w) {
				row = &rows[i]
				break
			}
		}
		if row == nil {
			return fmt.Errorf("%s: no scope row matches the want at %s (%s)", peer, w.where(), w.text)
		}
		w.reason = row.reason
		w.at = w.line
		if row.rules == "-" {
			continue
		}
		rules, at, ok := strings.Cut(row.rules, "@")
		if ok {
			n, err := strconv.Atoi(at)
			if err != nil {
				return fmt.Errorf("scope row %d: bad line in %q", row.lineNo, row.rules)
			}
			w.at = n
		}
		w.rules = strings.Split(rules, "|")
	}
	return nil
}

// peerWants reads the want lines of every .go file of the module and the
// lines of its expected_results.txt files, sorted, one per file:line.
func peerWants(module string) ([]*peerWant, error) {
	var wants []*peerWant
	seen := map[string]bool{}
	add := func(w *peerWant) {
		if k := lineKey(w.file, w.line); !seen[k] {
			seen[k] = true
			wants = append(wants, w)
		}
	}
	var goFiles, expected []string
	err := filepath.WalkDir(module, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(module, p)
		switch {
		case strings.HasSuffix(p, ".go"):
			goFiles = append(goFiles, filepath.ToSlash(rel))
		case d.Name() == "expected_results.txt":
			expected = append(expected, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, rel := range goFiles {
		f, err := parser.ParseFile(fset, filepath.Join(module, rel), nil, parser.ParseComments|parser.SkipObjectResolution)
		if f == nil {
			return nil, err
		}
		for _, c := range wantComments(fset, f) {
			add(&peerWant{file: rel, line: c.line, text: c.text})
		}
		for _, c := range checklocksFails(fset, f) {
			add(&peerWant{file: rel, line: c.line, text: c.text})
		}
	}
	for _, e := range expected {
		f, err := os.Open(e)
		if err != nil {
			return nil, err
		}
		ws := readExpected(f, goFiles)
		f.Close()
		for _, w := range ws {
			add(w)
		}
	}
	sort.Slice(wants, func(i, j int) bool {
		if wants[i].file != wants[j].file {
			return wants[i].file < wants[j].file
		}
		return wants[i].line < wants[j].line
	})
	return wants, nil
}

// checklocksFailRE is gVisor checklocks' test expectation: a comment
// "+checklocksfail" (optionally "=substring|substring") after the statement,
// or on the line of the declaration, that must fail an assertion.
var checklocksFailRE = regexp.MustCompile(`^//\s*\+checklocksfail\b`)

// checklocksFails returns f's +checklocksfail comments, as wants.
func checklocksFails(fset *token.FileSet, f *ast.File) []wantComment {
	var out []wantComment
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if checklocksFailRE.MatchString(c.Text) {
				out = append(out, wantComment{line: fset.Position(c.Slash).Line, text: c.Text})
			}
		}
	}
	return out
}

// expectedRE is a vet output line: file:line:col: message.
var expectedRE = regexp.MustCompile(`^(\S+\.go):(\d+):\d+: (.*)$`)

// readExpected reads an expected_results.txt; its paths are relative to the
// peer's repository, so each names the module file it ends with.
func readExpected(r io.Reader, goFiles []string) []*peerWant {
	var out []*peerWant
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := expectedRE.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		for _, g := range goFiles {
			if m[1] == g || strings.HasSuffix(m[1], "/"+g) {
				out = append(out, &peerWant{file: g, line: line, text: "expected_results.txt: " + m[3]})
				break
			}
		}
	}
	return out
}

// configs are the two reviewlint runs of every peer, in column order.
var configs = [2]string{"default", "-enable all"}

// A peerResult is one peer scored.
type peerResult struct {
	name, version string
	wants         []*peerWant
	inScope       []*peerWant
	hits          [2]int
	extras        []extra
	errors        [2][]string
	triaged       bool         // a triage file was given
	stale         []*triageRow // its rows of this peer that judge no extra
}

// An extra is a reviewlint finding that hits no in-scope want.
type extra struct {
	f      finding
	in     [2]bool // reported by each configuration
	note   string
	triage *triageRow // nil when no row of triage.tsv judges it
}

// A triageRow is one line of bench/peers/triage.tsv: peer, rule,
// FILE:LINE, a prefix of the message, verdict (TP or FP) and reason. It
// judges the extra finding of that peer, rule and line whose message
// starts with the prefix (a changed message is a new finding to judge).
type triageRow struct {
	peer, rule, where, prefix, verdict, reason string
	lineNo                                     int
	used                                       bool
}

// verdicts of triage.tsv, in the order the report counts them.
var verdicts = []string{"TP", "FP"}

// readTriage reads triage.tsv (# comments and blank lines skipped); each
// row keeps its line number for the report.
func readTriage(file string) ([]*triageRow, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []*triageRow
	seen := map[string]int{}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := strings.Split(line, "\t")
		if len(r) != 6 {
			return nil, fmt.Errorf("%s:%d: want peer, rule, file:line, message prefix, verdict, reason (%d fields)", file, i+1, len(r))
		}
		if !containsStr(verdicts, r[4]) {
			return nil, fmt.Errorf("%s:%d: verdict %q is not TP or FP", file, i+1, r[4])
		}
		if r[3] == "" || r[5] == "" {
			return nil, fmt.Errorf("%s:%d: empty message prefix or reason", file, i+1)
		}
		k := strings.Join(r[:4], "\t")
		if prev, ok := seen[k]; ok {
			return nil, fmt.Errorf("%s:%d: the same finding as line %d", file, i+1, prev)
		}
		seen[k] = i + 1
		out = append(out, &triageRow{peer: r[0], rule: r[1], where: r[2], prefix: r[3], verdict: r[4], reason: r[5], lineNo: i + 1})
	}
	return out, nil
}

// applyTriage gives each extra of r the row that judges it, and returns
// the peer's rows that judge none (stale: the finding is gone or changed).
func applyTriage(r *peerResult, rows []*triageRow) []*triageRow {
	for i := range r.extras {
		e := &r.extras[i]
		where := fmt.Sprintf("%s:%d", e.f.file, e.f.line)
		for _, t := range rows {
			if t.peer == r.name && t.rule == e.f.check && t.where == where && strings.HasPrefix(e.f.message, t.prefix) {
				e.triage = t
				t.used = true
				break
			}
		}
	}
	var stale []*triageRow
	for _, t := range rows {
		if t.peer == r.name && !t.used {
			stale = append(stale, t)
		}
	}
	return stale
}

// triageCount returns, for configuration c, the extras by verdict and
// the ones no row judges.
func (r *peerResult) triageCount(c int) (n map[string]int, untriaged int) {
	n = map[string]int{}
	for _, e := range r.extras {
		switch {
		case !e.in[c]:
		case e.triage == nil:
			untriaged++
		default:
			n[e.triage.verdict]++
		}
	}
	return n, untriaged
}

// triageSummary is "TP a, FP b" with ", untriaged c" when some are.
func (r *peerResult) triageSummary(c int) string {
	n, u := r.triageCount(c)
	s := fmt.Sprintf("TP %d, FP %d", n["TP"], n["FP"])
	if u > 0 {
		s += fmt.Sprintf(", **untriaged %d**", u)
	}
	return s
}

// scorePeer matches the findings of both configurations to the wants.
func scorePeer(name, version string, wants []*peerWant, runs [2]*tool) *peerResult {
	r := &peerResult{name: name, version: version, wants: wants}
	byLine := map[string][]*peerWant{}
	for _, w := range wants {
		if len(w.rules) > 0 {
			r.inScope = append(r.inScope, w)
			k := lineKey(w.file, w.at)
			byLine[k] = append(byLine[k], w)
		}
	}
	wantAt := map[string]*peerWant{}
	for _, w := range wants {
		wantAt[lineKey(w.file, w.line)] = w
	}
	extras := map[string]*extra{}
	var order []string
	for c, tl := range runs {
		r.errors[c] = tl.errors
		for i, f := range tl.findings {
			// One finding can be the hit of several wants: a client
			// reported once for every request sent through it.
			matched := false
			for _, w := range byLine[lineKey(f.file, f.line)] {
				if containsStr(w.rules, f.check) {
					matched = true
					if w.hit[c] == nil {
						w.hit[c] = &tl.findings[i]
						r.hits[c]++
					}
				}
			}
			if matched {
				continue
			}
			k := fmt.Sprintf("%s\x00%s\x00%d\x00%s", f.check, f.file, f.line, f.message)
			e := extras[k]
			if e == nil {
				e = &extra{f: f, note: extraNote(wantAt[lineKey(f.file, f.line)])}
				extras[k] = e
				order = append(order, k)
			}
			e.in[c] = true
		}
	}
	for _, k := range order {
		r.extras = append(r.extras, *extras[k])
	}
	sort.SliceStable(r.extras, func(i, j int) bool {
		a, b := r.extras[i].f, r.extras[j].f
		if a.file != b.file {
			return a.file < b.file
		}
		return a.line < b.line
	})
	return r
}

// extraNote says what the peer expects on an extra finding's line.
func extraNote(w *peerWant) string {
	switch {
	case w == nil:
		return ""
	case len(w.rules) == 0:
		return "on an out-of-scope want line"
	default:
		return "on a want line, another rule than " + strings.Join(w.rules, " or ")
	}
}

func cmdPeersScore(args []string) error {
	fs := flag.NewFlagSet("peers score", flag.ExitOnError)
	scopeFile := fs.String("scope", "", "bench/peers/scope.tsv")
	triageFile := fs.String("triage", "", "bench/peers/triage.tsv: the verdicts of the extra findings (optional)")
	header := fs.String("header", "", "markdown to print first")
	var specs toolSpecs
	fs.Var(&specs, "peer", "NAME;MODULE@VERSION;DIR;DEFAULT.json;ALL.json;BROKEN (repeatable); BROKEN lists package<TAB>first error")
	fs.Parse(args)
	if *scopeFile == "" || len(specs) == 0 {
		return fmt.Errorf("peers score: -scope and at least one -peer are required")
	}
	rows, err := readScope(*scopeFile)
	if err != nil {
		return err
	}
	var triage []*triageRow
	if *triageFile != "" {
		if triage, err = readTriage(*triageFile); err != nil {
			return err
		}
	}
	var results []*peerResult
	for _, spec := range specs {
		r, err := scorePeerSpec(spec, rows)
		if err != nil {
			return err
		}
		if *triageFile != "" {
			r.triaged = true
			r.stale = applyTriage(r, triage)
		}
		results = append(results, r)
	}
	head := ""
	if *header != "" {
		b, err := os.ReadFile(*header)
		if err != nil {
			return err
		}
		head = string(b)
	}
	writePeersReport(os.Stdout, head, results)
	return nil
}

func scorePeerSpec(spec string, rows []scopeRow) (*peerResult, error) {
	p := strings.Split(spec, ";")
	if len(p) != 6 {
		return nil, fmt.Errorf("bad -peer %q: want NAME;MODULE@VERSION;DIR;DEFAULT;ALL;BROKEN", spec)
	}
	name, version, dir := p[0], p[1], p[2]
	wants, err := peerWants(dir)
	if err != nil {
		return nil, err
	}
	broken := map[string]string{}
	if p[5] != "" {
		bs, err := readTSV(p[5])
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if len(b) >= 2 {
				broken[b[0]] = b[1]
			}
		}
	}
	if err := applyScope(name, wants, rows, broken); err != nil {
		return nil, err
	}
	var runs [2]*tool
	for i, file := range p[3:5] {
		runs[i] = &tool{label: configs[i], format: "reviewlint"}
		if err := runs[i].read(file, dir); err != nil {
			return nil, err
		}
	}
	return scorePeer(name, version, wants, runs), nil
}

func writePeersReport(w io.Writer, head string, rs []*peerResult) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	if head != "" {
		p("%s\n\n", strings.TrimRight(head, "\n"))
	}
	triaged := len(rs) > 0 && rs[0].triaged
	if triaged {
		p("| peer | module@version | want lines | in scope | hit, default | hit, -enable all | extra findings, default | extra findings, -enable all | extras triaged, default | extras triaged, -enable all |\n")
		p("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n")
	} else {
		p("| peer | module@version | want lines | in scope | hit, default | hit, -enable all | extra findings, default | extra findings, -enable all |\n")
		p("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	}
	for _, r := range rs {
		n := len(r.inScope)
		p("| %s | %s | %d | %d | %d (%s) | %d (%s) | %d | %d |", r.name, r.version, len(r.wants), n,
			r.hits[0], pct(r.hits[0], n), r.hits[1], pct(r.hits[1], n), r.countExtras(0), r.countExtras(1))
		if triaged {
			p(" %s | %s |", r.triageSummary(0), r.triageSummary(1))
		}
		p("\n")
	}
	p("\n")
	if triaged {
		p("Extra findings are judged in `triage.tsv` (TP: the finding is right by its rule's definition; FP: it is not).\n")
		p("An untriaged extra is a finding no row of it judges (new, or its message changed): judge it and add the row.\n\n")
	}
	for _, r := range rs {
		r.write(p)
	}
}

func (r *peerResult) countExtras(c int) int {
	n := 0
	for _, e := range r.extras {
		if e.in[c] {
			n++
		}
	}
	return n
}

func mark(f *finding) string {
	if f == nil {
		return "–"
	}
	return "✓"
}

func (r *peerResult) write(p func(string, ...any)) {
	p("## %s\n\n%s: %d want lines, %d in scope; hit %d with the default configuration, %d with `-enable all`.\n\n",
		r.name, r.version, len(r.wants), len(r.inScope), r.hits[0], r.hits[1])
	if len(r.inScope) > 0 {
		p("| want | expects | rule | default | all |\n| --- | --- | --- | :---: | :---: |\n")
		for _, w := range r.inScope {
			where := w.where()
			if w.at != w.line {
				where += fmt.Sprintf(" (looked for on line %d)", w.at)
			}
			p("| %s | %s | %s | %s | %s |\n", where, md(wantText(w.text)), strings.Join(w.rules, " or "), mark(w.hit[0]), mark(w.hit[1]))
		}
		p("\n")
	}
	var misses []string
	for _, w := range r.inScope {
		if w.hit[0] == nil || w.hit[1] == nil {
			which := "both"
			if w.hit[1] != nil {
				which = "default only"
			}
			misses = append(misses, fmt.Sprintf("- %s (%s, missed by %s): %s", w.where(), strings.Join(w.rules, " or "), which, wantText(w.text)))
		}
	}
	p("**Misses:** ")
	if len(misses) == 0 {
		p("none.\n\n")
	} else {
		p("%d\n\n%s\n\n", len(misses), strings.Join(misses, "\n"))
	}
	p("**Extra findings** (reviewlint findings on no in-scope want of their rule): ")
	if len(r.extras) == 0 {
		p("none.\n\n")
	} else {
		p("%d (%s)", len(r.extras), r.extrasByRule())
		if r.triaged {
			n, u := r.triageCount(0)
			na, ua := r.triageCount(1)
			p("; default: TP %d, FP %d, untriaged %d; -enable all: TP %d, FP %d, untriaged %d", n["TP"], n["FP"], u, na["TP"], na["FP"], ua)
			p("\n\n| rule | where | message | reported by | note | verdict | why |\n| --- | --- | --- | --- | --- | --- | --- |\n")
		} else {
			p("\n\n| rule | where | message | reported by | note |\n| --- | --- | --- | --- | --- |\n")
		}
		for _, e := range r.extras {
			by := "default and all"
			if !e.in[0] {
				by = "all only"
			} else if !e.in[1] {
				by = "default only"
			}
			p("| %s | %s:%d | %s | %s | %s |", e.f.check, e.f.file, e.f.line, md(e.f.message), by, e.note)
			if r.triaged {
				if e.triage == nil {
					p(" **untriaged** | |")
				} else {
					p(" %s | %s |", e.triage.verdict, md(e.triage.reason))
				}
			}
			p("\n")
		}
		p("\n")
	}
	if len(r.stale) > 0 {
		p("**Stale triage rows** (judge no extra finding of this run: the finding is gone or its message changed; remove or update them): %d\n\n", len(r.stale))
		for _, t := range r.stale {
			p("- triage.tsv:%d: %s %s %s (%s)\n", t.lineNo, t.rule, t.where, md(t.prefix), t.verdict)
		}
		p("\n")
	}
	var out []string
	for _, w := range r.wants {
		if len(w.rules) == 0 {
			out = append(out, fmt.Sprintf("| %s | %s | %s |", w.where(), md(wantText(w.text)), md(w.reason)))
		}
	}
	if len(out) > 0 {
		p("**Out of scope:** %d\n\n| want | expects | why |\n| --- | --- | --- |\n%s\n\n", len(out), strings.Join(out, "\n"))
	}
	for c, errs := range r.errors {
		if len(errs) > 0 {
			p("reviewlint (%s) reported %d load/compile errors:\n\n```\n%s\n```\n\n", configs[c], len(errs), strings.Join(errs, "\n"))
		}
	}
}

// extrasByRule counts the extra findings of each rule: "rule N, ...".
func (r *peerResult) extrasByRule() string {
	n := map[string]int{}
	var rules []string
	for _, e := range r.extras {
		if n[e.f.check] == 0 {
			rules = append(rules, e.f.check)
		}
		n[e.f.check]++
	}
	sort.Strings(rules)
	var parts []string
	for _, ru := range rules {
		parts = append(parts, fmt.Sprintf("%s %d", ru, n[ru]))
	}
	return strings.Join(parts, ", ")
}

// wantText is the expectation of a want comment without "// want".
func wantText(text string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*")
	s = strings.TrimSuffix(s, "*/")
	s = strings.TrimSpace(s)
	return strings.TrimSpace(strings.TrimPrefix(s, "want"))
}
