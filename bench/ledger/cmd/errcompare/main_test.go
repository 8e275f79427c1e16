package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMatch checks line and function matching on one module: errcheck on
// lines 4 (also ours), 9 (our finding elsewhere in the function) and 13
// (nothing of ours), nilerr on line 4.
func TestMatch(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "src/m/a.go"), "package a\n\nfunc f() {\n\tg()\n}\n\nfunc h() {\n\tg()\n\tg()\n}\n\nfunc k() {\n\tg()\n}\n\nfunc g() error { return nil }\n")
	write(t, filepath.Join(dir, "ours/m.json"), `{"findings":[
		{"rule":"errorlog/discarded","file":"a.go","start":{"line":4}},
		{"rule":"errorlog/swallowed","file":"a.go","start":{"line":8}},
		{"rule":"httpbody/unclosed","file":"a.go","start":{"line":13}}]}`)
	write(t, filepath.Join(dir, "theirs/m.json"), `{"Issues":[
		{"FromLinter":"errcheck","Text":"Error return value of `+"`g`"+` is not checked","SourceLines":["g()"],"Pos":{"Filename":"a.go","Line":4}},
		{"FromLinter":"errcheck","Text":"x","SourceLines":["g()"],"Pos":{"Filename":"a.go","Line":9}},
		{"FromLinter":"errcheck","Text":"x","SourceLines":["g()"],"Pos":{"Filename":"a.go","Line":13}},
		{"FromLinter":"nilerr","Text":"y","Pos":{"Filename":"a.go","Line":4}}]}
3 issues:
`)
	write(t, filepath.Join(dir, "triage.tsv"), "m\ta.go\tg()\tnoise\tcannot fail\n")
	var out, errs bytes.Buffer
	code := run([]string{"-src", filepath.Join(dir, "src"), "-ours", filepath.Join(dir, "ours"),
		"-theirs", filepath.Join(dir, "theirs"), "-triage", filepath.Join(dir, "triage.tsv"), "m"}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, want := range []string{
		"| m | 3 | 1 / 2 | 1 | 1 / 1 | 2 | 1 / 1 | 1 / 2 | 0 |",
		"| errorlog/swallowed | 1 | 0 | 0 | 1 | 0 |",
		"| m | a.go:13 | `g()` | noise | cannot fail |",
		"Verdicts: noise 2, tp 0, unsure 0, untriaged 0.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCallee(t *testing.T) {
	for _, c := range []struct{ text, code, want string }{
		{"Error return value of `resp.Body.Close` is not checked", "defer resp.Body.Close()", "Close"},
		{"Error return value of `g` is not checked", "g()", "g"},
		{"Error return value is not checked", "defer closeBody(resp)", "closeBody"},
		{"Error return value is not checked", "c.conn.SetDeadline(d)", "SetDeadline"},
		{"Error return value is not checked", "case <-sess.rejoin:", "<- (receive)"},
	} {
		if got := callee(c.text, c.code); got != c.want {
			t.Errorf("callee(%q, %q) = %q, want %q", c.text, c.code, got, c.want)
		}
	}
}
