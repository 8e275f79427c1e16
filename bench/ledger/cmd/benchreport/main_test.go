package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCount(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty", "")
	cases := []struct {
		tool, out, err string
		rc             int
		findings, errs int
		problem        bool
		keys           map[string]int
	}{
		{tool: "vet", rc: 1, err: "# example.com/p\n# [example.com/p]\n./a.go:3:2: fmt.Printf format %d has arg x of wrong type string\nvet: b.go:1:1: could not import\n",
			findings: 1, errs: 1, problem: true, keys: map[string]int{"vet": 1}},
		{tool: "staticcheck", rc: 1, out: "a.go:96:6: func f is unused (U1000)\nb/c.go:1:2: x is deprecated (SA1019)\n-: could not load (compile)\n",
			findings: 2, errs: 1, problem: true, keys: map[string]int{"U1000": 1, "SA1019": 1}},
		{tool: "golangci-lint", rc: 1, out: "conn.go:683:13: Error return value of `stmt.Close` is not checked (errcheck)\nx.go:1:1: bad (typecheck)\n12 issues:\n",
			findings: 1, errs: 1, problem: true, keys: map[string]int{"errcheck": 1}},
		{tool: "golangci-lint", rc: 3, out: "", err: "Error: can't load config\n", problem: true, keys: map[string]int{}},
		{tool: "reviewlint", rc: 3, out: `{"findings":[{"rule":"httpbody/x","file":"a.go","line":1}],"errors":[{"package":"p","message":"m"}]}`,
			findings: 1, errs: 1, problem: true, keys: map[string]int{"httpbody/x": 1}},
		{tool: "reviewlint", rc: 0, out: `{"findings":[],"errors":[]}`, keys: map[string]int{}},
		{tool: "reviewlint", rc: 2, out: "", err: "panic: boom\n", problem: true, keys: map[string]int{}},
		{tool: "staticcheck", rc: 137, out: "", problem: true, keys: map[string]int{}},
	}
	for i, c := range cases {
		r := &run{tool: c.tool, rc: c.rc, out: empty, errf: empty}
		if c.out != "" {
			r.out = write(t, dir, c.tool+"-out", c.out)
		}
		if c.err != "" {
			r.errf = write(t, dir, c.tool+"-err", c.err)
		}
		count(r)
		if r.findings != c.findings || r.loadErrors != c.errs || (r.problem != "") != c.problem {
			t.Errorf("case %d (%s): findings %d, load errors %d, problem %q; want %d, %d, problem %v",
				i, c.tool, r.findings, r.loadErrors, r.problem, c.findings, c.errs, c.problem)
		}
		if len(r.byKey) != len(c.keys) {
			t.Errorf("case %d: keys %v, want %v", i, r.byKey, c.keys)
		}
		for k, v := range c.keys {
			if r.byKey[k] != v {
				t.Errorf("case %d: keys %v, want %v", i, r.byKey, c.keys)
			}
		}
	}
}

func TestMedian(t *testing.T) {
	nan := num("NaN")
	for _, c := range []struct {
		in   []float64
		want string
	}{{[]float64{3, 1, 2}, "2.0"}, {[]float64{4, 1, 2, 3}, "2.5"}, {[]float64{nan, 5}, "5.0"}, {nil, "-"}} {
		if got := f1(median(c.in)); got != c.want {
			t.Errorf("median(%v) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestReportSmoke(t *testing.T) {
	dir := t.TempDir()
	out := write(t, dir, "o", `{"findings":[{"rule":"r/a","file":"a.go","line":1}],"errors":[]}`)
	e := write(t, dir, "e", "")
	var runs []*run
	for rep := 1; rep <= 3; rep++ {
		for _, tool := range tools {
			for _, s := range scenarios {
				r := &run{rep: rep, module: "example.com/m", name: "m", dir: dir, tool: tool, scenario: s,
					wall: float64(rep), user: 1, sys: 1, rssKB: 2048, out: e, errf: e}
				if tool == "reviewlint" {
					r.out = out
				}
				count(r)
				runs = append(runs, r)
			}
		}
	}
	var b strings.Builder
	report(&b, runs, []string{"date: now"}, dir)
	got := b.String()
	for _, want := range []string{"| reviewlint | cold | 2.0 | 2.0 | 2 | 1 | 0 | 0 |", "| cold | 1.00x | 1.00x | 1.00x |", "reviewlint: r/a 1", "None: every tool"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}
