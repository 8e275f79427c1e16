package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// cmdCorpus compares reviewlint's findings of one family on the corpus
// (a bench/findings directory) with golangci-lint's anchor linters on the
// same packages (a bench/anchors/corpus directory): which anchor findings
// are also ours, which of ours the anchors miss (with the ledger's
// verdicts), and a deterministic sample of the anchor findings we skip,
// with the verdicts of a hand triage (-triage) where one exists.
func cmdCorpus(args []string) error {
	fs := flag.NewFlagSet("corpus", flag.ExitOnError)
	family := fs.String("family", "", "reviewlint family whose rules are compared, e.g. errorlog")
	ours := fs.String("ours", "", "bench/findings output directory (index.tsv, NAME.json)")
	theirs := fs.String("theirs", "", "bench/anchors/corpus output directory (NAME.json)")
	ledgerFile := fs.String("ledger", "", "bench/ledger/ledger.tsv, for the verdicts of our findings")
	triageFile := fs.String("triage", "", "TSV of hand verdicts on anchor findings: linter, module, file, code, verdict, reason")
	sample := fs.Int("sample", 30, "anchor findings we skip to list per linter (a deterministic sample)")
	fs.Parse(args)
	if *family == "" || *ours == "" || *theirs == "" {
		return fmt.Errorf("corpus: -family, -ours and -theirs are required")
	}
	mods, err := readIndex(filepath.Join(*ours, "index.tsv"))
	if err != nil {
		return err
	}
	verdicts := map[string]verdict{}
	if *ledgerFile != "" {
		if verdicts, err = readVerdicts(*ledgerFile, 3); err != nil {
			return err
		}
	}
	hand := map[string]verdict{}
	if *triageFile != "" {
		if hand, err = readVerdicts(*triageFile, 3); err != nil {
			return err
		}
	}
	c := &comparison{family: *family, verdicts: verdicts, hand: hand}
	for _, m := range mods {
		if err := c.addModule(m, *ours, *theirs); err != nil {
			return err
		}
	}
	c.write(os.Stdout, *ours, *theirs, *sample)
	return nil
}

// A corpusModule is one line of a bench/findings index.tsv.
type corpusModule struct{ name, path, kind, dir string }

func readIndex(file string) ([]corpusModule, error) {
	rows, err := readTSV(file)
	if err != nil {
		return nil, err
	}
	var mods []corpusModule
	for _, r := range rows {
		if len(r) < 4 || r[0] == "name" {
			continue
		}
		mods = append(mods, corpusModule{name: r[0], path: r[1], kind: r[2], dir: r[3]})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].name < mods[j].name })
	return mods, nil
}

// readTSV reads tab-separated rows, skipping blank lines and # comments.
func readTSV(file string) ([][]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows, sc.Err()
}

// A verdict is a triage decision on one finding.
type verdict struct{ verdict, reason string }

// readVerdicts reads a ledger-shaped TSV (check, module, file, code, then
// verdict and reason from column at) keyed by verdictKey.
func readVerdicts(file string, at int) (map[string]verdict, error) {
	rows, err := readTSV(file)
	if err != nil {
		return nil, err
	}
	out := map[string]verdict{}
	for _, r := range rows {
		if len(r) < at+2 {
			continue
		}
		v := verdict{verdict: r[at+1]}
		if len(r) > at+2 {
			v.reason = r[at+2]
		}
		out[verdictKey(r[0], r[1], r[2], r[3])] = v
	}
	return out, nil
}

func verdictKey(check, module, file, code string) string {
	return check + "\t" + module + "\t" + file + "\t" + code
}

// A located finding is a finding with the module it is in and its source line.
type located struct {
	finding
	module corpusModule
	code   string // the trimmed source line
}

func (l located) where() string { return fmt.Sprintf("%s:%d", l.file, l.line) }

type comparison struct {
	family   string
	verdicts map[string]verdict // ours, from the ledger
	hand     map[string]verdict // theirs, from -triage
	ours     []located
	theirs   []located
	modules  []corpusModule
	failed   []string // modules whose anchor run did not produce output
}

func (c *comparison) addModule(m corpusModule, oursDir, theirsDir string) error {
	ourTool := &tool{label: "reviewlint", format: "reviewlint"}
	if err := ourTool.read(filepath.Join(oursDir, m.name+".json"), m.dir); err != nil {
		return err
	}
	theirTool := &tool{label: "golangci-lint", format: "golangci"}
	if err := theirTool.read(filepath.Join(theirsDir, m.name+".json"), m.dir); err != nil {
		c.failed = append(c.failed, m.name+": "+err.Error())
		return nil
	}
	c.modules = append(c.modules, m)
	lines := sourceLines{dir: m.dir}
	for _, f := range ourTool.findings {
		if strings.HasPrefix(f.check, c.family+"/") {
			c.ours = append(c.ours, located{finding: f, module: m, code: lines.at(f.file, f.line)})
		}
	}
	for _, f := range theirTool.findings {
		c.theirs = append(c.theirs, located{finding: f, module: m, code: lines.at(f.file, f.line)})
	}
	return nil
}

// sourceLines reads a module's files once each, for the code of a finding.
type sourceLines struct {
	dir   string
	files map[string][]string
}

func (s *sourceLines) at(file string, line int) string {
	if s.files == nil {
		s.files = map[string][]string{}
	}
	lines, ok := s.files[file]
	if !ok {
		data, _ := os.ReadFile(filepath.Join(s.dir, file))
		lines = strings.Split(string(data), "\n")
		s.files[file] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}

// corpusLineKey identifies a source line across tools.
func corpusLineKey(l located) string { return l.module.name + "\t" + l.where() }

func (c *comparison) write(w io.Writer, oursDir, theirsDir string, sample int) {
	ourLines := map[string][]located{}
	for _, l := range c.ours {
		ourLines[corpusLineKey(l)] = append(ourLines[corpusLineKey(l)], l)
	}
	theirLines := map[string][]located{}
	for _, l := range c.theirs {
		theirLines[corpusLineKey(l)] = append(theirLines[corpusLineKey(l)], l)
	}
	linters := checksOf(c.theirs)
	fmt.Fprintf(w, "# reviewlint %s beside %s on the corpus\n\n", c.family, strings.Join(linters, ", "))
	fmt.Fprintf(w, "Generated by `anchorcmp corpus` (bench/anchors/README.md, \"On the corpus\").\n\n")
	fmt.Fprintf(w, "- reviewlint: %s (`%s`), rules %s/*\n", firstLine(filepath.Join(oursDir, "commit.txt")), oursDir, c.family)
	fmt.Fprintf(w, "- anchors: %s (`%s`), default settings of each linter\n", firstLine(filepath.Join(theirsDir, "version.txt")), theirsDir)
	fmt.Fprintf(w, "- modules: %d compared", len(c.modules))
	if len(c.failed) > 0 {
		fmt.Fprintf(w, "; not compared: %s", strings.Join(c.failed, "; "))
	}
	fmt.Fprintf(w, "\n- a finding of one tool is \"also\" found by the other when both report the same line of the same file\n\n")

	fmt.Fprintf(w, "## Anchor findings\n\n| linter | findings | also ours | we skip | sample triaged: tp / fp / unsure |\n| --- | ---: | ---: | ---: | --- |\n")
	skipped := map[string][]located{}
	for _, lin := range linters {
		n, also := 0, 0
		for _, l := range c.theirs {
			if l.check != lin {
				continue
			}
			n++
			if len(ourLines[corpusLineKey(l)]) > 0 {
				also++
			} else {
				skipped[lin] = append(skipped[lin], l)
			}
		}
		skipped[lin] = deterministicSample(skipped[lin], sample)
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s |\n", lin, n, also, n-also, c.handCounts(skipped[lin]))
	}

	fmt.Fprintf(w, "\n## Our findings\n\nVerdicts from the ledger.\n\n| rule | findings | tp | fp | unsure | untriaged | also an anchor's | anchors miss (tp) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, rule := range checksOf(c.ours) {
		counts := map[string]int{}
		also, missTP := 0, 0
		for _, l := range c.ours {
			if l.check != rule {
				continue
			}
			v := c.ourVerdict(l)
			counts[v]++
			if len(theirLines[corpusLineKey(l)]) > 0 {
				also++
			} else if v == "tp" {
				missTP++
			}
		}
		total := counts["tp"] + counts["fp"] + counts["unsure"] + counts["untriaged"]
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %d | %d |\n", rule, total, counts["tp"], counts["fp"], counts["unsure"], counts["untriaged"], also, missTP)
	}

	fmt.Fprintf(w, "\n## Lines both report\n\n| module | file:line | ours | theirs |\n| --- | --- | --- | --- |\n")
	for _, l := range c.ours {
		if t := theirLines[corpusLineKey(l)]; len(t) > 0 {
			fmt.Fprintf(w, "| %s | %s | %s (%s) | %s |\n", l.module.name, l.where(), l.check, c.ourVerdict(l), cell(t[0].check+": "+t[0].message))
		}
	}

	for _, lin := range linters {
		fmt.Fprintf(w, "\n## %s findings we skip: a sample of %d\n\n| module | file:line | message | code | verdict | reason |\n| --- | --- | --- | --- | --- | --- |\n", lin, len(skipped[lin]))
		for _, l := range skipped[lin] {
			v := c.hand[verdictKey(l.check, l.module.path, l.file, l.code)]
			fmt.Fprintf(w, "| %s | %s | %s | `%s` | %s | %s |\n", l.module.name, l.where(), cell(l.message), cell(l.code), v.verdict, cell(v.reason))
		}
	}
}

func (c *comparison) ourVerdict(l located) string {
	if v, ok := c.verdicts[verdictKey(l.check, l.module.path, l.file, l.code)]; ok && v.verdict != "" {
		return v.verdict
	}
	return "untriaged"
}

// handCounts summarises the hand verdicts of a sample.
func (c *comparison) handCounts(ls []located) string {
	counts := map[string]int{}
	for _, l := range ls {
		counts[c.hand[verdictKey(l.check, l.module.path, l.file, l.code)].verdict]++
	}
	if counts[""] == len(ls) {
		return "not triaged"
	}
	return fmt.Sprintf("%d / %d / %d of %d", counts["tp"], counts["fp"], counts["unsure"], len(ls))
}

// checksOf lists the distinct checks of ls, sorted.
func checksOf(ls []located) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range ls {
		if !seen[l.check] {
			seen[l.check] = true
			out = append(out, l.check)
		}
	}
	sort.Strings(out)
	return out
}

// deterministicSample picks up to n of ls, the same ones on every run
// over the same findings: the n smallest by a hash of their position.
func deterministicSample(ls []located, n int) []located {
	hash := func(l located) uint64 {
		h := fnv.New64a()
		io.WriteString(h, corpusLineKey(l)+"\t"+l.check)
		return h.Sum64()
	}
	sort.SliceStable(ls, func(i, j int) bool { return hash(ls[i]) < hash(ls[j]) })
	if len(ls) > n {
		ls = ls[:n]
	}
	sort.SliceStable(ls, func(i, j int) bool { return corpusLineKey(ls[i]) < corpusLineKey(ls[j]) })
	return ls
}

func firstLine(file string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return "?"
	}
	line, _, _ := strings.Cut(string(data), "\n")
	return strings.TrimSpace(line)
}

// cell makes s safe in a markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.ReplaceAll(s, "\n", " ")
}
