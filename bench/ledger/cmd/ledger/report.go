package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"reviewlint.bench/ledger/internal/findings"
)

// ruleRow is one line of the precision report.
type ruleRow struct {
	findings.RuleStats
	Lib, App int // findings on libraries and on applications
	Sampled  int // distinct findings in the triage sample
	// SampleTP and SampleFP count the sampled distinct findings by verdict:
	// the unbiased estimate where older, non-random verdicts exist beside
	// the sample.
	SampleTP, SampleFP int
	Default            int // findings of the default configuration, -1 if not measured
}

// SamplePrecision is SampleTP/(SampleTP+SampleFP), or -1.
func (r ruleRow) SamplePrecision() float64 {
	if r.SampleTP+r.SampleFP == 0 {
		return -1
	}
	return float64(r.SampleTP) / float64(r.SampleTP+r.SampleFP)
}

// FPPer100k estimates the false positives per 100k analysed lines: the
// rule's findings times its measured FP share, over the corpus' lines.
func (r ruleRow) FPPer100k(lines int) float64 {
	if r.TP+r.FP == 0 || lines == 0 {
		return -1
	}
	return float64(r.Findings) * float64(r.FP) / float64(r.TP+r.FP) / float64(lines) * 1e5
}

// rows builds the report's rows from the matched statistics and the findings.
func rows(stats []findings.RuleStats, fs, defaults []findings.Finding, apps map[string]bool, sample map[findings.Key]bool, led *findings.Ledger) []ruleRow {
	by := map[string]*ruleRow{}
	var out []ruleRow
	for _, s := range stats {
		out = append(out, ruleRow{RuleStats: s})
	}
	for i := range out {
		by[out[i].Rule] = &out[i]
		if defaults == nil {
			out[i].Default = -1
		}
	}
	for _, f := range defaults {
		if r := by[f.Rule]; r != nil {
			r.Default++
		}
	}
	seen := map[findings.Key]bool{}
	for _, f := range fs {
		r := by[f.Rule]
		if apps[f.Module] {
			r.App++
		} else {
			r.Lib++
		}
		if k := f.Key(); sample[k] && !seen[k] {
			seen[k] = true
			r.Sampled++
			if e := led.ByKey[k]; e != nil && e.Verdict == findings.TP {
				r.SampleTP++
			} else if e != nil && e.Verdict == findings.FP {
				r.SampleFP++
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rule < out[j].Rule })
	return out
}

func pct(x float64) string {
	if x < 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

func count(n int) string {
	if n < 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

func per100k(x float64) string {
	if x < 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", x)
}

// writeReport prints the per-rule precision table as markdown.
func writeReport(w io.Writer, rs []ruleRow, lines, sampleN int, seed uint64, sources []string) {
	fmt.Fprintf(w, "# reviewlint precision on the benchmark corpus\n\n")
	fmt.Fprintf(w, "Generated from `bench/ledger/ledger.tsv` and the findings in %s by\n`ledger %s`; do not edit by hand.\n", strings.Join(sources, ", "), strings.Join(os.Args[1:], " "))
	fmt.Fprintf(w, "Analysed lines (libraries + applications, `bench/corpus/lines.tsv`): %d.\n\n", lines)
	fmt.Fprintf(w, "- findings: every finding of the rule on the corpus (libraries / applications); a verdict is per distinct\n"+
		"  finding (rule, module, file, code line), so two findings on identical lines share one.\n"+
		"- tp / fp / unsure / untriaged: the findings by ledger verdict. Where a rule has more than %d distinct findings,\n"+
		"  a sample of %d (round-robin over the modules in a random order, random inside each; seed %d: `ledger -sample %d -seed %d`) is triaged\n"+
		"  and the rest may stay untriaged; 'sampled' is the size of that sample.\n"+
		"- precision = tp / (tp + fp) over every triaged finding, unsure counted in neither; sample precision: the same\n"+
		"  over the sampled distinct findings only (the estimate to use where older verdicts exist beside the sample).\n"+
		"- est. FP / 100k lines = findings x fp / (tp + fp) / analysed lines x 100,000.\n"+
		"- default: findings of the same reviewlint with its default configuration (- if that run was not given).\n\n", sampleN, sampleN, seed, sampleN, seed)
	fmt.Fprintf(w, "| rule | findings (lib / app) | sampled (distinct) | tp | fp | unsure | untriaged | precision | sample precision | est. FP / 100k lines | default |\n")
	fmt.Fprintf(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	var t ruleRow
	if len(rs) > 0 && rs[0].Default < 0 {
		t.Default = -1
	}
	for _, r := range rs {
		fmt.Fprintf(w, "| %s | %d (%d / %d) | %d | %d | %d | %d | %d | %s | %s (%d/%d) | %s | %s |\n", r.Rule, r.Findings, r.Lib, r.App, r.Sampled,
			r.TP, r.FP, r.Unsure, r.Untriaged, pct(r.Precision()), pct(r.SamplePrecision()), r.SampleTP, r.SampleTP+r.SampleFP, per100k(r.FPPer100k(lines)), count(r.Default))
		t.Findings += r.Findings
		t.Lib += r.Lib
		t.App += r.App
		t.Sampled += r.Sampled
		t.TP += r.TP
		t.FP += r.FP
		t.Unsure += r.Unsure
		t.Untriaged += r.Untriaged
		if t.Default >= 0 {
			t.Default += r.Default
		}
	}
	fmt.Fprintf(w, "| **all rules** | %d (%d / %d) | %d | %d | %d | %d | %d | %s | | | %s |\n", t.Findings, t.Lib, t.App, t.Sampled,
		t.TP, t.FP, t.Unsure, t.Untriaged, pct(t.Precision()), count(t.Default))
}

// writeTSV prints the same table machine-readably (for the policy test).
func writeTSV(w io.Writer, rs []ruleRow, lines int) {
	fmt.Fprintf(w, "# per-rule precision on the corpus; generated with precision.md by ledger -report. analysed_lines=%d\n", lines)
	fmt.Fprintf(w, "rule\tfindings\tlib\tapp\tsampled\ttp\tfp\tunsure\tuntriaged\tprecision\tfp_per_100k\tsample_tp\tsample_fp\tdefault\n")
	for _, r := range rs {
		p, e := "", ""
		if v := r.Precision(); v >= 0 {
			p = fmt.Sprintf("%.4f", v)
		}
		if v := r.FPPer100k(lines); v >= 0 {
			e = fmt.Sprintf("%.4f", v)
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%s\n", r.Rule, r.Findings, r.Lib, r.App, r.Sampled, r.TP, r.FP, r.Unsure, r.Untriaged, p, e, r.SampleTP, r.SampleFP, count(r.Default))
	}
}
