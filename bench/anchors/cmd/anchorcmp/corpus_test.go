package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// A corpus comparison joins the two tools on file and line, takes our
// verdicts from the ledger by the code line, and reads golangci-lint's
// JSON even with its text summary printed after it.
func TestCorpusComparison(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "src", "m")
	write(t, mod, "a.go", "package a\n\nfunc f() {\n\tg()\n\th()\n}\n")
	ours := filepath.Join(root, "ours")
	write(t, ours, "index.tsv", "name\tmodule\tkind\tdir\texit\tfindings\nm\texample.com/m\tlibrary\t"+mod+"\t1\t2\n")
	write(t, ours, "m.json", `{"findings":[
		{"rule":"errorlog/discarded","file":"a.go","start":{"line":4,"column":2}},
		{"rule":"httpbody/unclosed","file":"a.go","start":{"line":5,"column":2}}]}`)
	theirs := filepath.Join(root, "theirs")
	write(t, theirs, "m.json", `{"Issues":[
		{"FromLinter":"errcheck","Text":"g","Pos":{"Filename":"a.go","Line":4,"Column":2}},
		{"FromLinter":"errcheck","Text":"h","Pos":{"Filename":"a.go","Line":5,"Column":2}}]}
2 issues:
* errcheck: 2
`)
	ledger := filepath.Join(root, "ledger.tsv")
	write(t, root, "ledger.tsv", "errorlog/discarded\texample.com/m\ta.go\tg()\ttp\tdropped\n")
	mods, err := readIndex(filepath.Join(ours, "index.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	verdicts, err := readVerdicts(ledger, 3)
	if err != nil {
		t.Fatal(err)
	}
	c := &comparison{family: "errorlog", verdicts: verdicts, hand: map[string]verdict{}}
	if err := c.addModule(mods[0], ours, theirs); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	c.write(&out, ours, theirs, 30)
	got := out.String()
	for _, want := range []string{
		"| errcheck | 2 | 1 | 1 | not triaged |",
		"| errorlog/discarded | 1 | 1 | 0 | 0 | 0 | 1 | 0 |",
		"| m | a.go:5 | h | `h()` |  |  |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}
