package catalog

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The default policy (DESIGN.md, "Rules and names"): a rule is on by
// default unless its measured noise on the benchmark corpus (libraries and
// applications) says otherwise. The measurements are bench's: reviewlint
// with every rule on, run over the corpus, each finding matched against
// the triage ledger (bench/ledger/ledger.tsv); `ledger -report` writes the
// result to bench/results/precision.tsv, copied to evidence.tsv, embedded
// here. Tests fail when the copy is stale and when a rule's Default
// disagrees with what its evidence decides.

// The bars of the policy.
const (
	MinPrecision    = 0.85 // triaged TP/(TP+FP) below this: off
	MaxFPPer100k    = 2.0  // estimated false positives per 100,000 analysed lines above this: off
	MinTriageSample = 20   // a rule with more findings needs at least this many triaged
)

// Evidence is what the corpus run measured for one rule.
type Evidence struct {
	LibraryFindings, ApplicationFindings int
	TP, FP, Unsure, Untriaged            int
}

// Corpus is the size of the corpus the evidence was measured on.
type Corpus struct {
	Lines int // analysed lines, libraries and applications
}

// Findings is the rule's number of findings on the whole corpus.
func (e Evidence) Findings() int { return e.LibraryFindings + e.ApplicationFindings }

// Precision is TP/(TP+FP) over the triaged findings; NaN when none was
// judged either way.
func (e Evidence) Precision() float64 {
	if e.TP+e.FP == 0 {
		return math.NaN()
	}
	return float64(e.TP) / float64(e.TP+e.FP)
}

// FPPer100k estimates the false positives per 100,000 lines: the rule's
// findings times the triaged false-positive rate, over the corpus size.
func (e Evidence) FPPer100k(c Corpus) float64 {
	lines := c.Lines
	if e.FP == 0 || lines == 0 {
		return 0
	}
	est := float64(e.Findings()) * float64(e.FP) / float64(e.TP+e.FP)
	return est / float64(lines) * 1e5
}

// Decide applies the default policy to a rule of severity sev: whether it
// is on by default, and why, in a phrase for docs and `rules -v`.
func (e Evidence) Decide(sev Severity, c Corpus) (on bool, why string) {
	n := e.Findings()
	switch {
	case n == 0:
		return true, fmt.Sprintf("no findings on %s lines: no measured noise", thousands(c.Lines))
	case e.TP+e.FP == 0:
		return false, fmt.Sprintf("%d findings, none judged a true or false positive", n)
	case sev == Error && e.FP > 0:
		return false, fmt.Sprintf("severity error with %d false positives on the corpus", e.FP)
	case e.Precision() < MinPrecision:
		return false, fmt.Sprintf("precision %.0f%% (%d/%d) is below %.0f%%", 100*e.Precision(), e.TP, e.TP+e.FP, 100*MinPrecision)
	case e.FPPer100k(c) > MaxFPPer100k:
		return false, fmt.Sprintf("an estimated %.1f false positives per 100k lines, more than %.0f", e.FPPer100k(c), MaxFPPer100k)
	}
	return true, fmt.Sprintf("precision %.0f%% (%d/%d), %.1f estimated false positives per 100k lines", 100*e.Precision(), e.TP, e.TP+e.FP, e.FPPer100k(c))
}

// EnoughTriaged reports whether the triaged sample can decide: every
// finding, or at least MinTriageSample of them.
func (e Evidence) EnoughTriaged() bool {
	return e.TP+e.FP+e.Unsure >= min(e.Findings(), MinTriageSample)
}

// thousands renders n with thousands separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

//go:embed evidence.tsv
var evidenceTSV string

// MeasuredCorpus and MeasuredEvidence are the embedded measurements; a
// rule with no line in them had no finding.
var MeasuredCorpus, MeasuredEvidence = mustParseEvidence(evidenceTSV)

func mustParseEvidence(text string) (Corpus, map[string]Evidence) {
	c, ev, err := ParseEvidence(text)
	if err != nil {
		panic("catalog: evidence.tsv: " + err.Error())
	}
	return c, ev
}

// ParseEvidence reads evidence.tsv, a copy of bench/results/precision.tsv
// (`ledger -report`): a "# ... analysed_lines=N" header, then per rule
// with findings: rule, findings, lib, app, sampled, tp, fp, unsure,
// untriaged, and the precision and fp_per_100k it derives (recomputed
// here).
func ParseEvidence(text string) (Corpus, map[string]Evidence, error) {
	var c Corpus
	ev := map[string]Evidence{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if _, v, ok := strings.Cut(line, "analysed_lines="); ok {
				lines, err := strconv.Atoi(strings.Fields(v)[0])
				if err != nil {
					return c, nil, fmt.Errorf("line %d: %v", n, err)
				}
				c.Lines = lines
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "rule\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 9 {
			return c, nil, fmt.Errorf("line %d: %d fields, want 11", n, len(f))
		}
		var nums [8]int // findings lib app sampled tp fp unsure untriaged
		for i := range nums {
			v, err := strconv.Atoi(f[i+1])
			if err != nil {
				return c, nil, fmt.Errorf("line %d: %v", n, err)
			}
			nums[i] = v
		}
		ev[f[0]] = Evidence{LibraryFindings: nums[1], ApplicationFindings: nums[2],
			TP: nums[4], FP: nums[5], Unsure: nums[6], Untriaged: nums[7]}
	}
	if c.Lines == 0 {
		return c, nil, fmt.Errorf("no analysed_lines in the header")
	}
	return c, ev, sc.Err()
}

// Unmeasured lists the rules whose default the corpus cannot measure, and why.
var Unmeasured = map[string]string{
	"suppression/unused": "reported only under -check-suppressions: it is about the user's directives, not their code",
}

// Policy is the rule's measured evidence and the default it decides.
func (r Rule) Policy() (ev Evidence, on bool, why string) {
	ev = MeasuredEvidence[r.ID]
	on, why = ev.Decide(r.Severity, MeasuredCorpus)
	return ev, on, why
}
