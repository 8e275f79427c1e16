// Command ledger matches reviewlint's findings on the benchmark corpus
// against the triage ledger (bench/ledger/ledger.tsv), prints the findings
// nobody has triaged yet and the precision of every rule,
// TP/(TP+FP).
//
//	ledger [-ledger FILE] [-append] [-all] [-fail-untriaged] FINDINGS.json...
//	ledger -module MODULE [-dir DIR] reviewlint-output.json
//	ledger -findings-dir DIR [-sample 20 -seed 14] [-report FILE.md]
//
// FINDINGS.json is bench/results/reviewlint-findings.json as bench/run writes
// it, or a plain `reviewlint -format json` output together with -module (and
// -dir, the directory it was run in, if not the current one); -findings-dir
// reads what bench/findings wrote (DIR/index.tsv and DIR/NAME.json).
//
// -sample N lists, of the untriaged findings, only those in a fixed random
// sample of N per rule (Sample). -report writes the per-rule precision table
// (findings on libraries / applications, verdicts, precision, estimated false
// positives per 100k analysed lines) as markdown, and beside it a .tsv.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"reviewlint.bench/ledger/internal/findings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("ledger", flag.ContinueOnError)
	fl.SetOutput(stderr)
	ledgerPath := fl.String("ledger", "bench/ledger/ledger.tsv", "the ledger `file`")
	appendNew := fl.Bool("append", false, "append every untriaged finding to the ledger with verdict 'untriaged'")
	all := fl.Bool("all", false, "also list the triaged findings with their verdicts")
	failUntriaged := fl.Bool("fail-untriaged", false, "exit 1 if a finding has no verdict")
	module := fl.String("module", "", "module `path` of a plain reviewlint JSON output")
	dir := fl.String("dir", "", "`directory` a plain reviewlint JSON output was produced in (default: current)")
	findingsDir := fl.String("findings-dir", "", "read the outputs bench/findings wrote into `DIR` (index.tsv, NAME.json)")
	sampleN := fl.Int("sample", 0, "list only the untriaged findings in a sample of `N` distinct findings per rule (all of a rule with at most N)")
	seed := fl.Uint64("seed", 14, "`seed` of the sample")
	reportPath := fl.String("report", "", "write the per-rule precision report as markdown to `FILE` (and FILE with .tsv for .md)")
	linesPath := fl.String("lines", "bench/corpus/lines.tsv", "the corpus line totals (`file`), for -report")
	appsPath := fl.String("apps", "bench/corpus/apps.tsv", "the application modules (`file`), for -report")
	rulesPath := fl.String("rules", "", "output of `reviewlint rules` (`FILE`): rules without findings get a row in the -report too")
	defaultDir := fl.String("default-findings-dir", "", "bench/findings output of the default configuration (`DIR`), counted in the -report's 'default' column")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: ledger [flags] FINDINGS.json...\n\n"+
			"Matches reviewlint findings against the triage ledger and prints untriaged findings\n"+
			"and the precision per rule. See bench/README.md.\n\nflags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 && *findingsDir == "" {
		fl.Usage()
		return 2
	}
	var fs []findings.Finding
	if *findingsDir != "" {
		got, err := findings.LoadDir(*findingsDir)
		if err != nil {
			fmt.Fprintln(stderr, "ledger:", err)
			return 2
		}
		fs = append(fs, got...)
	}
	for _, path := range fl.Args() {
		got, err := findings.Load(path, *module, *dir)
		if err != nil {
			fmt.Fprintln(stderr, "ledger:", err)
			return 2
		}
		fs = append(fs, got...)
	}
	led, err := findings.ReadLedgerFile(*ledgerPath)
	if err != nil {
		fmt.Fprintln(stderr, "ledger:", err)
		return 2
	}
	stats, untriaged, stale := led.Match(fs)
	var sample map[findings.Key]bool
	if *sampleN > 0 {
		sample = findings.Sample(fs, *sampleN, *seed)
		var in []findings.Finding
		for _, f := range untriaged {
			if sample[f.Key()] {
				in = append(in, f)
			}
		}
		fmt.Fprintf(stdout, "sample: %d distinct findings per rule, seed %d; %d of %d untriaged findings are in it\n", *sampleN, *seed, len(in), len(untriaged))
		untriaged = in
	}

	sort.SliceStable(untriaged, func(i, j int) bool {
		a, b := untriaged[i], untriaged[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.RelFile != b.RelFile {
			return a.RelFile < b.RelFile
		}
		return a.Line < b.Line
	})

	if *all {
		fmt.Fprintf(stdout, "findings (%d):\n", len(fs))
		for _, f := range fs {
			v := findings.Untriaged
			if e := led.ByKey[f.Key()]; e != nil {
				v = e.Verdict
			}
			fmt.Fprintf(stdout, "  %-9s %s  %s %s:%d  %s\n", v, f.Rule, f.Module, f.RelFile, f.Line, f.Code)
		}
		fmt.Fprintln(stdout)
	}

	fmt.Fprintf(stdout, "untriaged findings: %d\n", len(untriaged))
	for _, f := range untriaged {
		fmt.Fprintf(stdout, "  %s  %s %s:%d\n      code: %s\n      msg:  %s\n", f.Rule, f.Module, f.RelFile, f.Line, f.Code, oneLine(f.Message))
	}
	if len(stale) > 0 {
		fmt.Fprintf(stdout, "\nledger entries no current finding matches: %d (code changed, or the rule no longer fires)\n", len(stale))
		if *all {
			for _, e := range stale {
				fmt.Fprintf(stdout, "  %-9s %s  %s %s  %s\n", e.Verdict, e.Rule, e.Module, e.File, e.Code)
			}
		}
	}

	fmt.Fprintf(stdout, "\nprecision per rule = TP/(TP+FP)\n")
	fmt.Fprintf(stdout, "%-44s %8s %5s %5s %7s %10s %10s\n", "rule", "findings", "tp", "fp", "unsure", "untriaged", "precision")
	var total findings.RuleStats
	total.Rule = "(all rules)"
	for _, s := range append(stats, findings.RuleStats{}) {
		if s.Rule == "" {
			s = total
		} else {
			total.Findings += s.Findings
			total.TP += s.TP
			total.FP += s.FP
			total.Unsure += s.Unsure
			total.Untriaged += s.Untriaged
		}
		p := "-"
		if v := s.Precision(); v >= 0 {
			p = fmt.Sprintf("%.1f%%", 100*v)
		}
		fmt.Fprintf(stdout, "%-44s %8d %5d %5d %7d %10d %10s\n", s.Rule, s.Findings, s.TP, s.FP, s.Unsure, s.Untriaged, p)
	}

	if *appendNew {
		var add []findings.Entry
		done := map[findings.Key]bool{}
		for _, f := range untriaged {
			k := f.Key()
			if done[k] || led.ByKey[k] != nil {
				continue // already in the ledger (as untriaged) or added now
			}
			done[k] = true
			add = append(add, findings.Entry{Key: k, Verdict: findings.Untriaged, Reason: "TODO: " + oneLine(f.Message)})
		}
		if err := findings.AppendEntries(*ledgerPath, add); err != nil {
			fmt.Fprintln(stderr, "ledger:", err)
			return 2
		}
		fmt.Fprintf(stdout, "\nappended %d untriaged entries to %s\n", len(add), *ledgerPath)
	}
	if *reportPath != "" {
		var defaults []findings.Finding
		if *defaultDir != "" {
			if defaults, err = findings.LoadDir(*defaultDir); err != nil {
				fmt.Fprintln(stderr, "ledger:", err)
				return 2
			}
			if defaults == nil {
				defaults = []findings.Finding{}
			}
		}
		if *rulesPath != "" {
			ids, err := ruleIDs(*rulesPath)
			if err != nil {
				fmt.Fprintln(stderr, "ledger:", err)
				return 2
			}
			stats = withRules(stats, ids)
		}
		if err := report(*reportPath, *linesPath, *appsPath, stats, fs, defaults, led, *sampleN, *seed, fl.Args(), *findingsDir); err != nil {
			fmt.Fprintln(stderr, "ledger:", err)
			return 2
		}
		fmt.Fprintf(stdout, "\nwrote %s\n", *reportPath)
	}
	if *failUntriaged && len(untriaged) > 0 {
		return 1
	}
	return 0
}

// internalError is the rule of a recovered analyzer panic
// (policy.InternalError in the reviewlint module).
const internalError = "reviewlint/internal-error"

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// report writes the markdown report to path and the same table as TSV
// beside it.
func report(path, linesPath, appsPath string, stats []findings.RuleStats, fs, defaults []findings.Finding, led *findings.Ledger, sampleN int, seed uint64, args []string, dir string) error {
	for _, s := range stats {
		if s.Rule == internalError {
			// A crash lost the findings of an analyzer on a package: the
			// evidence of its rules is incomplete.
			return fmt.Errorf("the findings hold %d internal error(s) (%s): fix the crash and rerun before writing the report", s.Findings, internalError)
		}
	}
	lines, err := findings.TotalLines(linesPath)
	if err != nil {
		return err
	}
	apps, err := findings.Apps(appsPath)
	if err != nil {
		return err
	}
	if sampleN == 0 {
		sampleN = 20
	}
	rs := rows(stats, fs, defaults, apps, findings.Sample(fs, sampleN, seed), led)
	sources := append([]string(nil), args...)
	if dir != "" {
		if c, err := os.ReadFile(dir + "/commit.txt"); err == nil {
			dir += " (reviewlint " + strings.TrimSpace(string(c)) + ")"
		}
		sources = append(sources, dir)
	}
	var md, tsv strings.Builder
	writeReport(&md, rs, lines, sampleN, seed, sources)
	writeTSV(&tsv, rs, lines)
	if err := os.WriteFile(path, []byte(md.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(strings.TrimSuffix(path, ".md")+".tsv", []byte(tsv.String()), 0o644)
}

// ruleIDs reads the first column of `reviewlint rules` output: every line
// after the RULE header up to the first blank line.
func ruleIDs(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ids []string
	started := false
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case !started:
			started = len(f) > 0 && f[0] == "RULE"
		case len(f) == 0:
			return ids, nil
		default:
			ids = append(ids, f[0])
		}
	}
	return ids, nil
}

// withRules adds an empty row for every rule of ids that has no finding.
func withRules(stats []findings.RuleStats, ids []string) []findings.RuleStats {
	have := map[string]bool{}
	for _, s := range stats {
		have[s.Rule] = true
	}
	for _, id := range ids {
		if !have[id] {
			stats = append(stats, findings.RuleStats{Rule: id})
		}
	}
	return stats
}
