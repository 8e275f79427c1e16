package fix

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/reviewlint/reviewlint/internal/report"
)

// Apply computes the new content of each file of edits, in memory: it reads
// the file, applies its edits and gofmts the result. A file is skipped, with
// a reason, when it cannot be read, when an edit does not fit its current
// content (it changed since the analysis), when its edits overlap, or when
// the result does not parse. Files the edits leave unchanged yield no Change.
// Changes are sorted by file.
func Apply(edits map[string][]report.Edit) ([]Change, []Skipped) {
	var changes []Change
	var skipped []Skipped
	for _, file := range slices.Sorted(maps.Keys(edits)) {
		c, reason := applyFile(file, edits[file])
		switch {
		case reason != "":
			skipped = append(skipped, skipFile(file, reason))
		case !bytes.Equal(c.Old, c.New):
			changes = append(changes, c)
		}
	}
	return changes, skipped
}

// applyFile returns the change edits make to file, or why it cannot be made.
func applyFile(file string, edits []report.Edit) (Change, string) {
	if filepath.Ext(file) != ".go" {
		return Change{}, "not a Go file"
	}
	old, err := os.ReadFile(file)
	if err != nil {
		return Change{}, err.Error()
	}
	if reason := checkEdits(old, edits); reason != "" {
		return Change{}, reason
	}
	edited, reason := splice(old, edits)
	if reason != "" {
		return Change{}, reason
	}
	formatted, err := gofmt(file, edited)
	if err != nil {
		return Change{}, fmt.Sprintf("the fixed file does not parse: %v", err)
	}
	return Change{File: file, Old: old, New: formatted}, ""
}

// checkEdits reports why edits do not fit src: an offset out of range, or a
// line and column that disagree with the offset, which means the file
// changed after it was analysed.
func checkEdits(src []byte, edits []report.Edit) string {
	lines := lineStarts(src)
	for _, e := range edits {
		for _, pos := range []report.Position{e.Start, e.End} {
			if pos.Offset < 0 || pos.Offset > len(src) {
				return fmt.Sprintf("offset %d is outside the file (%d bytes); it changed since the analysis", pos.Offset, len(src))
			}
			if line, col := lineColumn(lines, pos.Offset); !agrees(pos, line, col) {
				return fmt.Sprintf("offset %d is at %d:%d, not %d:%d; the file changed since the analysis", pos.Offset, line, col, pos.Line, pos.Column)
			}
		}
	}
	return ""
}

// agrees reports whether pos's line and column, where given, are line and col.
func agrees(pos report.Position, line, col int) bool {
	return (pos.Line == 0 || pos.Line == line) && (pos.Column == 0 || pos.Column == col)
}

// splice applies edits to src. Edits are applied in offset order, copying
// the untouched bytes between them, which is the same as applying them from
// the end backwards: no edit shifts the offsets of another.
func splice(src []byte, edits []report.Edit) ([]byte, string) {
	// Stable, so insertions at one offset keep the order Plan took them in.
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, byRange)
	var out bytes.Buffer
	done := 0
	for _, e := range sorted {
		if e.Start.Offset < done || e.End.Offset < e.Start.Offset {
			return nil, fmt.Sprintf("edits overlap at offset %d", e.Start.Offset)
		}
		out.Write(src[done:e.Start.Offset])
		out.WriteString(e.NewText)
		done = e.End.Offset
	}
	out.Write(src[done:])
	return out.Bytes(), ""
}

// gofmt parses src as the whole file named file and prints it as gofmt does.
// format.Source alone would not do: it also accepts a fragment, such as a
// file whose package clause an edit removed.
func gofmt(file string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// lineStarts returns the offset at which each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineColumn returns the 1-based line and byte column of offset.
func lineColumn(starts []int, offset int) (line, column int) {
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > offset }) - 1
	return i + 1, offset - starts[i] + 1
}
