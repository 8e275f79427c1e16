package ruletest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"os"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
)

// edit is one text edit of a suggested fix, in byte offsets of its file.
type edit struct {
	start, end int
	text       string
}

// checkGoldens applies every suggested fix of act's diagnostics and
// compares each edited file, gofmt'd, with its .golden file (the golden
// holds the file after all its fixes, as analysistest's plain form does).
func checkGoldens(t *testing.T, act *checker.Action) {
	t.Helper()
	byFile := fixEdits(act)
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := compareGolden(name, byFile[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// fixEdits returns the edits of every suggested fix of act's diagnostics,
// by file name, leaving out generated files.
func fixEdits(act *checker.Action) map[string][]edit {
	generated := map[string]bool{}
	for _, f := range act.Package.Syntax {
		generated[act.Package.Fset.File(f.Pos()).Name()] = ast.IsGenerated(f)
	}
	byFile := map[string][]edit{}
	for _, d := range act.Diagnostics {
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				tf := act.Package.Fset.File(e.Pos)
				if generated[tf.Name()] {
					continue
				}
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				byFile[tf.Name()] = append(byFile[tf.Name()], edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)})
			}
		}
	}
	return byFile
}

// compareGolden applies edits to the file and compares it with its golden.
func compareGolden(name string, edits []edit) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	golden, err := os.ReadFile(name + ".golden")
	if err != nil {
		return fmt.Errorf("a fix edits this file, but: %v", err)
	}
	fixed, err := applyEdits(src, edits)
	if err != nil {
		return err
	}
	got, err := format.Source(fixed)
	if err != nil {
		return fmt.Errorf("the fixed file does not parse: %v\n%s", err, fixed)
	}
	want, err := format.Source(golden)
	if err != nil {
		return fmt.Errorf("the .golden file does not parse: %v", err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("fixed file differs from %s.golden; got:\n%s", name, got)
	}
	return nil
}

// applyEdits applies non-overlapping edits; the same edit twice (two test
// variants' diagnostics, two findings with one fix) counts once.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var out bytes.Buffer
	at := 0
	for i, e := range edits {
		if i > 0 && e == edits[i-1] {
			continue
		}
		if e.start < at || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("fix edits overlap or fall outside the file at offset %d", e.start)
		}
		out.Write(src[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(src[at:])
	return out.Bytes(), nil
}
