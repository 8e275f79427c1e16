package findings

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	got := Normalize("\t resp, err :=   http.Get(url)\t// x  \n")
	if want := "resp, err := http.Get(url) // x"; got != want {
		t.Errorf("Normalize = %q, want %q", got, want)
	}
}

func TestRelFile(t *testing.T) {
	for _, c := range []struct{ dir, file, want string }{
		{"/w/src/m", "/w/src/m/a/b.go", "a/b.go"},
		{"/w/src/m", "a/b.go", "a/b.go"},
		{"/w/src/m", "./b.go", "b.go"},
		{"/w/src/m", "/elsewhere/c.go", "/elsewhere/c.go"},
	} {
		if got := RelFile(c.dir, c.file); got != c.want {
			t.Errorf("RelFile(%q, %q) = %q, want %q", c.dir, c.file, got, c.want)
		}
	}
}

func TestLoadAndMatch(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc f() {\n\tresp, _ :=   get()\n\t_ = resp\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := map[string]any{
		"findings": []map[string]any{
			{"rule": "httpbody/body-not-closed", "analyzer": "httpbody", "message": "m1", "file": filepath.Join(dir, "p.go"), "line": 4, "column": 2},
			{"rule": "errorlog/dropped", "analyzer": "errorlog", "message": "m2", "file": "p.go", "line": 5, "column": 2},
			{"rule": "errorlog/dropped", "analyzer": "errorlog", "message": "m3", "file": "p.go", "line": 3, "column": 1},
		},
		"errors": []any{},
	}
	data, _ := json.Marshal(out)
	jf := filepath.Join(dir, "out.json")
	if err := os.WriteFile(jf, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(jf, "", dir); err == nil {
		t.Fatal("Load of a plain output without -module: want an error")
	}
	fs, err := Load(jf, "example.com/m", dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 || fs[0].Code != "resp, _ := get()" || fs[0].RelFile != "p.go" || fs[1].Code != "_ = resp" {
		t.Fatalf("Load = %+v", fs)
	}

}

func TestLedgerMatch(t *testing.T) {
	ledger := Header + "\n# a comment\n\n" +
		"httpbody/body-not-closed\texample.com/m\tp.go\tresp, _   := get()\tfp\tnot the real thing\n" +
		"errorlog/dropped\texample.com/m\tp.go\t_ = resp\tTP\treal\n" +
		"errorlog/dropped\texample.com/m\tgone.go\tx()\ttp\tstale\n"
	l, err := ReadLedger(strings.NewReader(ledger))
	if err != nil {
		t.Fatal(err)
	}
	fs := []Finding{
		{Rule: "httpbody/body-not-closed", Module: "example.com/m", RelFile: "p.go", Code: "resp, _ := get()"},
		{Rule: "errorlog/dropped", Module: "example.com/m", RelFile: "p.go", Code: "_ = resp"},
		{Rule: "errorlog/dropped", Module: "example.com/m", RelFile: "p.go", Code: "func f() {"},
	}
	stats, untriaged, stale := l.Match(fs)
	if len(stats) != 2 || stats[0].Rule != "errorlog/dropped" || stats[0].TP != 1 || stats[0].Untriaged != 1 || stats[0].Precision() != 1 {
		t.Errorf("stats[0] = %+v", stats[0])
	}
	if stats[1].FP != 1 || stats[1].Precision() != 0 {
		t.Errorf("stats[1] = %+v", stats[1])
	}
	if len(untriaged) != 1 || untriaged[0].Code != "func f() {" {
		t.Errorf("untriaged = %+v", untriaged)
	}
	if len(stale) != 1 || stale[0].File != "gone.go" {
		t.Errorf("stale = %+v", stale)
	}
}

func TestReadLedgerErrors(t *testing.T) {
	for _, bad := range []string{
		"a\tb\tc\n",
		"r\tm\tf\tcode\tmaybe\twhy\n",
		"r\tm\tf\tcode\ttp\tx\nr\tm\tf\t code \tfp\ty\n",
	} {
		if _, err := ReadLedger(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadLedger(%q): want an error", bad)
		}
	}
}

func TestAppendEntries(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ledger.tsv")
	e := Entry{Key: Key{Rule: "r/x", Module: "m", File: "f.go", Code: "a\tb"}, Verdict: Untriaged, Reason: "TODO: line\none"}
	if err := AppendEntries(p, []Entry{e}); err != nil {
		t.Fatal(err)
	}
	if err := AppendEntries(p, []Entry{{Key: Key{Rule: "r/y", Module: "m", File: "f.go", Code: "c"}, Verdict: Untriaged}}); err != nil {
		t.Fatal(err)
	}
	l, err := ReadLedgerFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != 2 || l.Entries[0].Code != "a b" || l.Entries[0].Reason != "TODO: line one" {
		t.Errorf("entries = %+v", l.Entries)
	}
	data, _ := os.ReadFile(p)
	if strings.Count(string(data), Header) != 1 {
		t.Errorf("header written %d times", strings.Count(string(data), Header))
	}
}
