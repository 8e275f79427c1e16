// Package newfrom keeps only the findings a change introduces: those on
// lines a diff adds or changes (-new-from-rev REV, -new-from-patch FILE).
// A codebase with history can then adopt reviewlint without first fixing
// every old finding.
package newfrom

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/reviewlint/reviewlint/internal/report"
)

// Changes is what a diff touched, per absolute file name.
type Changes struct {
	files map[string]*fileChanges
}

// fileChanges is one file's touched lines; all marks a file that is new as
// a whole (untracked, or added by the diff).
type fileChanges struct {
	all   bool
	lines map[int]bool
}

func (c *Changes) file(name string) *fileChanges {
	if c.files == nil {
		c.files = map[string]*fileChanges{}
	}
	name = canon(name)
	fc := c.files[name]
	if fc == nil {
		fc = &fileChanges{lines: map[int]bool{}}
		c.files[name] = fc
	}
	return fc
}

// AddFile marks every line of name as new.
func (c *Changes) AddFile(name string) { c.file(name).all = true }

// Touches reports whether the diff added or changed a line of file in
// [start, end].
func (c *Changes) Touches(file string, start, end int) bool {
	fc := c.files[canon(file)]
	if fc == nil {
		return false
	}
	if fc.all {
		return true
	}
	for l := start; l <= max(start, end); l++ {
		if fc.lines[l] {
			return true
		}
	}
	return false
}

// Filter keeps the findings whose evidence the change touched: a changed
// line lies between the first and the last of the finding's positions in
// a file (its range and its related positions: where the resource was
// acquired, the exit that leaks it). So an edit on the path between an
// acquisition and its leaking return counts, as when it deletes the
// defer f.Close() that discharged it.
func (c *Changes) Filter(fs []report.Finding) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if c.touchesFinding(f) {
			out = append(out, f)
		}
	}
	return out
}

// span is the lines from a finding's first to its last position in a file.
type span struct{ start, end int }

func (c *Changes) touchesFinding(f report.Finding) bool {
	spans := map[string]span{}
	add := func(file string, start, end int) {
		if start < 1 {
			return
		}
		s, ok := spans[file]
		if !ok {
			s = span{start, max(start, end)}
		}
		s.start, s.end = min(s.start, start), max(s.end, start, end)
		spans[file] = s
	}
	add(f.File, f.Start.Line, f.End.Line)
	for _, r := range f.Related {
		add(r.File, r.Start.Line, r.End.Line)
	}
	for file, s := range spans {
		if c.Touches(file, s.start, s.end) {
			return true
		}
	}
	return false
}

// canon resolves symbolic links, so a file named through a linked
// directory (git prints the real work tree path) is the same file.
func canon(name string) string {
	if real, err := filepath.EvalSymlinks(name); err == nil {
		return real
	}
	return filepath.Clean(name)
}

// ParsePatch reads a unified diff (git diff's, with or without context
// lines) whose paths are relative to root. An added line counts, and so do
// the two lines either side of a deletion (a deletion has no line of its
// own in the new file).
func ParsePatch(r io.Reader, root string) (*Changes, error) {
	c := &Changes{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	var (
		cur        *fileChanges
		oldLeft    int // lines of the current hunk still to read
		newLeft    int
		newLine    int
		lineNo     int
		newFileSet bool
		pending    bool // a run of deleted lines no added line replaced
	)
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(line, "+"):
				cur.mark(newLine)
				newLine++
				newLeft--
				pending = false
			case strings.HasPrefix(line, "-"):
				oldLeft--
				pending = true
			case strings.HasPrefix(line, " ") || line == "":
				cur.deletion(&pending, newLine)
				newLine++
				oldLeft--
				newLeft--
			case strings.HasPrefix(line, `\`): // \ No newline at end of file
			default:
				return nil, fmt.Errorf("line %d: hunk ends early: %q", lineNo, line)
			}
			if oldLeft <= 0 && newLeft <= 0 {
				cur.deletion(&pending, newLine)
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "diff "):
			cur, newFileSet = nil, false
		case strings.HasPrefix(line, "+++ "):
			name, err := diffPath(strings.TrimPrefix(line, "+++ "))
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			cur, newFileSet = nil, true
			if name != "" {
				cur = c.file(filepath.Join(root, filepath.FromSlash(name)))
			}
		case strings.HasPrefix(line, "@@ "):
			if !newFileSet {
				return nil, fmt.Errorf("line %d: hunk before a +++ line", lineNo)
			}
			o, n, start, err := parseHunk(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", lineNo, err)
			}
			oldLeft, newLeft, newLine = o, n, start
			if cur == nil { // a deleted file: read past its hunks
				cur = &fileChanges{lines: map[int]bool{}}
			}
			if n == 0 && start == 0 {
				newLine = 1 // a deletion at the top of the file
			} else if n == 0 {
				newLine = start + 1 // -U0: a pure deletion after line start
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if oldLeft > 0 || newLeft > 0 {
		return nil, fmt.Errorf("the patch ends inside a hunk")
	}
	return c, nil
}

// deletion marks the lines either side of a pending run of deleted lines,
// before is the first line after it.
func (fc *fileChanges) deletion(pending *bool, before int) {
	if *pending {
		fc.mark(before - 1)
		fc.mark(before)
		*pending = false
	}
}

func (fc *fileChanges) mark(line int) {
	if line >= 1 {
		fc.lines[line] = true
	}
}

// parseHunk reads "@@ -a,b +c,d @@": the old and new line counts and the
// new start line.
func parseHunk(line string) (oldCount, newCount, newStart int, err error) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", line)
	}
	_, oldCount, err = rangeOf(f[1][1:])
	if err != nil {
		return 0, 0, 0, err
	}
	newStart, newCount, err = rangeOf(f[2][1:])
	return oldCount, newCount, newStart, err
}

// rangeOf reads "start,count" or "start" (count 1).
func rangeOf(s string) (start, count int, err error) {
	a, b, ok := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, fmt.Errorf("bad hunk range %q", s)
	}
	count = 1
	if ok {
		if count, err = strconv.Atoi(b); err != nil {
			return 0, 0, fmt.Errorf("bad hunk range %q", s)
		}
	}
	return start, count, nil
}

// diffPath is the new file's path on a +++ line without its b/ prefix, ""
// for /dev/null; git quotes paths with unusual characters C-style.
func diffPath(s string) (string, error) {
	if i := strings.IndexByte(s, '\t'); i >= 0 && !strings.HasPrefix(s, `"`) {
		s = s[:i] // a timestamp after the name (diff -u)
	}
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return "", fmt.Errorf("bad quoted path %s", s)
		}
		s = u
	}
	if s == "/dev/null" {
		return "", nil
	}
	if _, rest, ok := strings.Cut(s, "/"); ok && (strings.HasPrefix(s, "b/") || strings.HasPrefix(s, "w/") || strings.HasPrefix(s, "i/")) {
		return rest, nil
	}
	return s, nil
}
