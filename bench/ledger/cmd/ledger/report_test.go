package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reviewlint.bench/ledger/internal/findings"
)

// The report splits findings by corpus part, counts the sample's verdicts
// and estimates false positives per 100k lines from the triaged share.
func TestRows(t *testing.T) {
	fs := []findings.Finding{
		{Rule: "r/a", Module: "lib", RelFile: "a.go", Code: "x"},
		{Rule: "r/a", Module: "app", RelFile: "a.go", Code: "y"},
		{Rule: "r/a", Module: "app", RelFile: "a.go", Code: "z"},
		{Rule: "r/a", Module: "app", RelFile: "a.go", Code: "w"},
	}
	led, err := findings.ReadLedger(strings.NewReader(
		"r/a\tlib\ta.go\tx\ttp\tok\nr/a\tapp\ta.go\ty\tfp\tno\nr/a\tapp\ta.go\tz\tfp\tno\n"))
	if err != nil {
		t.Fatal(err)
	}
	stats, _, _ := led.Match(fs)
	rs := rows(stats, fs, fs[:1], map[string]bool{"app": true}, findings.Sample(fs, 20, 1), led)
	if len(rs) != 1 {
		t.Fatalf("rows = %+v", rs)
	}
	r := rs[0]
	if r.Lib != 1 || r.App != 3 || r.Sampled != 4 || r.SampleTP != 1 || r.SampleFP != 2 || r.Default != 1 || r.Untriaged != 1 {
		t.Errorf("row = %+v", r)
	}
	// 4 findings x 2/3 false / 1000 lines x 100k
	if got, want := r.FPPer100k(1000), 4*2.0/3/1000*1e5; math.Abs(got-want) > 1e-9 {
		t.Errorf("FPPer100k = %v, want %v", got, want)
	}
}

func TestRuleIDs(t *testing.T) {
	p := filepath.Join(t.TempDir(), "rules.txt")
	os.WriteFile(p, []byte("RULE  SEVERITY  DEFAULT  TITLE\na/b  warning  on  t\nc/d  error  off  u\n\nRules marked ...\n"), 0o644)
	ids, err := ruleIDs(p)
	if err != nil || strings.Join(ids, ",") != "a/b,c/d" {
		t.Errorf("ruleIDs = %v, %v", ids, err)
	}
	stats := withRules([]findings.RuleStats{{Rule: "a/b", Findings: 2}}, ids)
	if len(stats) != 2 || stats[1].Rule != "c/d" {
		t.Errorf("withRules = %+v", stats)
	}
}
