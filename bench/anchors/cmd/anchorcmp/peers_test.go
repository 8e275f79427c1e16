package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestPeersScore(t *testing.T) {
	m := t.TempDir()
	write(t, m, "a/a.go", `package a

func f() {
	get() // want "must be closed"
	cli()
	send() // want "must not be called"
	lookup() // want "must not be called"
}
`)
	write(t, m, "x/expected_results.txt", "# x\ntestdata/x/x.go:3:9: Rows was not closed\ntestdata/x/x.go:4:2: Close should use defer\n")
	write(t, m, "x/x.go", "package x\n\nfunc g() {\n\th()\n}\n")
	write(t, m, "broken/b.go", "package broken\n\nfunc b() { k() } // want \"x\"\n")
	scope := filepath.Join(t.TempDir(), "scope.tsv")
	write(t, filepath.Dir(scope), "scope.tsv", "# comment\n"+
		"p\ta/a.go:6\tr/timeout@5\tsent through the client of line 5\n"+
		"p\tre:must not be called\t-\tnot HTTP\n"+
		"p\tx/x.go:4\t-\tstyle\n"+
		"p\t*\tr/unclosed|r/undrained\tleak\n"+
		"q\t*\t-\tother peer\n")
	rows, err := readScope(scope)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := peerWants(m)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range wants {
		got = append(got, w.where())
	}
	if strings.Join(got, " ") != "a/a.go:4 a/a.go:6 a/a.go:7 broken/b.go:3 x/x.go:3 x/x.go:4" {
		t.Fatalf("wants: %v", got)
	}
	if err := applyScope("p", wants, rows, map[string]string{"broken": "b.go:3:13: undefined: k"}); err != nil {
		t.Fatal(err)
	}
	def := &tool{format: "reviewlint", findings: []finding{
		{check: "r/undrained", file: "a/a.go", line: 4}, // hit, the second rule of the row
		{check: "r/timeout", file: "a/a.go", line: 5},   // hit of the want on line 6
		{check: "r/other", file: "a/a.go", line: 7},     // extra, on an out-of-scope want
		{check: "r/unclosed", file: "x/x.go", line: 9},  // extra
	}}
	all := &tool{format: "reviewlint", findings: append(def.findings[:2:2], finding{check: "r/unclosed", file: "x/x.go", line: 3})}
	r := scorePeer("p", "example.com/p@v1", wants, [2]*tool{def, all})
	if len(r.inScope) != 3 || r.hits != [2]int{2, 3} {
		t.Fatalf("in scope %d, hits %v", len(r.inScope), r.hits)
	}
	if len(r.extras) != 2 || r.extras[0].note != "on an out-of-scope want line" || r.extras[1].in != [2]bool{true, false} {
		t.Fatalf("extras: %+v", r.extras)
	}
	if err := applyScope("z", wants, rows, nil); err == nil {
		t.Error("a want no row matches is not an error")
	}
	var buf bytes.Buffer
	writePeersReport(&buf, "# head", []*peerResult{r})
	out := buf.String()
	for _, s := range []string{
		"| p | example.com/p@v1 | 6 | 3 | 2 (67%) | 3 (100%) | 2 | 0 |",
		"- x/x.go:3 (r/unclosed or r/undrained, missed by default only): expected_results.txt: Rows was not closed",
		"| broken/b.go:3 | \"x\" | the package does not compile (b.go:3:13: undefined: k) |",
		"a/a.go:6 (looked for on line 5)",
		"**Extra findings** (reviewlint findings on no in-scope want of their rule): 2 (r/other 1, r/unclosed 1)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
}

func TestReplaceModuleLine(t *testing.T) {
	got := replaceModuleLine("module github.com/x/y\n\ngo 1.25.0\n\nrequire example.com/z v1.0.0\n", "peers.example/y")
	if got != "module peers.example/y\n\ngo 1.25.0\n\nrequire example.com/z v1.0.0\n" {
		t.Errorf("got %q", got)
	}
}

func TestPeersTriage(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "triage.tsv", "# peer\trule\twhere\tprefix\tverdict\treason\n"+
		"p\tr/a\ta.go:1\tbody of resp\tTP\tread, no status check\n"+
		"p\tr/b\ta.go:2\tthe response\tFP\tnever sent\n"+
		"p\tr/b\ta.go:3\tgone\tTP\tno longer reported\n"+
		"q\tr/a\ta.go:1\tbody of resp\tFP\tanother peer\n")
	rows, err := readTriage(filepath.Join(dir, "triage.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	r := &peerResult{name: "p", version: "example.com/p@v1", triaged: true, extras: []extra{
		{f: finding{check: "r/a", file: "a.go", line: 1, message: "body of resp from x"}, in: [2]bool{true, true}},
		{f: finding{check: "r/b", file: "a.go", line: 2, message: "the response from y"}, in: [2]bool{false, true}},
		{f: finding{check: "r/b", file: "a.go", line: 4, message: "the response from z"}, in: [2]bool{true, true}},
		{f: finding{check: "r/a", file: "a.go", line: 5, message: "a changed message"}, in: [2]bool{true, true}},
	}}
	r.stale = applyTriage(r, rows)
	if len(r.stale) != 1 || r.stale[0].where != "a.go:3" {
		t.Fatalf("stale: %+v", r.stale)
	}
	if got := r.triageSummary(0); got != "TP 1, FP 0, **untriaged 2**" {
		t.Errorf("default: %s", got)
	}
	if got := r.triageSummary(1); got != "TP 1, FP 1, **untriaged 2**" {
		t.Errorf("all: %s", got)
	}
	var buf bytes.Buffer
	writePeersReport(&buf, "", []*peerResult{r})
	out := buf.String()
	for _, s := range []string{
		"| TP 1, FP 0, **untriaged 2** | TP 1, FP 1, **untriaged 2** |",
		"| r/b | a.go:2 | the response from y | all only |  | FP | never sent |",
		"| r/b | a.go:4 | the response from z | default and all |  | **untriaged** | |",
		"- triage.tsv:4: r/b a.go:3 gone (TP)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	write(t, dir, "bad.tsv", "p\tr/a\ta.go:1\tx\tmaybe\twhy\n")
	if _, err := readTriage(filepath.Join(dir, "bad.tsv")); err == nil {
		t.Error("a verdict other than TP or FP is not an error")
	}
}
