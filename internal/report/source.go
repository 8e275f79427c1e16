package report

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Sources reads the files findings point into, once each, for the formats
// that need more than a byte position: UTF-16 columns (SARIF, GitHub) and
// the code on a finding's line (fingerprints, baselines). A file that cannot
// be read behaves as empty: columns stay in bytes and the code is "".
type Sources struct {
	files map[string][][]byte
}

// NewSources returns an empty cache.
func NewSources() *Sources { return &Sources{files: map[string][][]byte{}} }

// lines returns the lines of name without their line endings.
func (s *Sources) lines(name string) [][]byte {
	if ls, ok := s.files[name]; ok {
		return ls
	}
	data, _ := os.ReadFile(name)
	var ls [][]byte
	if len(data) > 0 {
		ls = bytes.Split(data, []byte("\n"))
		for i, l := range ls {
			ls[i] = bytes.TrimSuffix(l, []byte("\r"))
		}
	}
	s.files[name] = ls
	return ls
}

// Line returns line n (1-based) of name, or nil.
func (s *Sources) Line(name string, n int) []byte {
	ls := s.lines(name)
	if n < 1 || n > len(ls) {
		return nil
	}
	return ls[n-1]
}

// UTF16Column converts a 1-based byte column on line n of name to a 1-based
// column in UTF-16 code units, the unit SARIF's default columnKind and
// GitHub's editors count in. A column past the line's end (a position at
// the newline) keeps its distance from the end; an unreadable file keeps
// the byte column.
func (s *Sources) UTF16Column(name string, n, col int) int {
	line := s.Line(name, n)
	if col < 1 || line == nil {
		return col
	}
	prefix, extra := line, 0
	if col-1 <= len(line) {
		prefix = line[:col-1]
	} else {
		extra = col - 1 - len(line)
	}
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		units += utf16.RuneLen(r) // an invalid byte decodes to U+FFFD: one unit
	}
	return units + extra + 1
}

// Code returns the normalised code on line n of name: trimmed, with runs of
// blanks collapsed, so re-indenting or moving the line keeps it.
func (s *Sources) Code(name string, n int) string {
	return NormaliseCode(string(s.Line(name, n)))
}

// NormaliseCode trims a line of code and collapses its runs of blanks.
func NormaliseCode(line string) string {
	return strings.Join(strings.Fields(line), " ")
}

// FindingKey is what identifies a finding across edits that do not touch
// it: the rule, the file relative to the source root (forward slashes) and
// the normalised code on its first line. Line numbers are left out on
// purpose: an edit above a finding moves it without changing its key.
type FindingKey struct {
	Rule string `json:"rule"`
	File string `json:"file"`
	Code string `json:"code"`
}

// Keys returns the key of every finding, in order, with files relative to
// root, and each key's occurrence index among the findings before it (two
// findings of one rule on identical lines of a file are told apart by
// order).
func (s *Sources) Keys(fs []Finding, root string) ([]FindingKey, []int) {
	keys := make([]FindingKey, len(fs))
	occ := make([]int, len(fs))
	seen := map[FindingKey]int{}
	for i, f := range fs {
		k := FindingKey{Rule: f.Rule, File: filepath.ToSlash(Rel(root, f.File)), Code: s.Code(f.File, f.Start.Line)}
		keys[i], occ[i] = k, seen[k]
		seen[k]++
	}
	return keys, occ
}

// Fingerprint hashes a key and its occurrence index; SARIF's
// partialFingerprints carry it so code scanning matches a finding across
// pushes that move it.
func Fingerprint(k FindingKey, occurrence int) string {
	h := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d", k.Rule, k.File, k.Code, occurrence))
	return fmt.Sprintf("%x", h[:16])
}

// SourceRoot is the directory paths are reported relative to by the formats
// whose consumers resolve them against a repository checkout (SARIF,
// GitHub annotations, reviewdog): the enclosing git work tree of dir, found
// by its .git entry, or dir itself outside git.
func SourceRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// under reports whether name lies in root.
func under(root, name string) bool {
	return root != "" && Rel(root, name) != name
}
