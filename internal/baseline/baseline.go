// Package baseline records the findings a codebase already has, so that a
// run reports only the ones added since (-write-baseline FILE, then
// -baseline FILE). An entry is keyed by rule, file and the normalised code
// on the finding's line, never by line number: an edit above a baselined
// finding moves it without bringing it back.
package baseline

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/reviewlint/reviewlint/internal/report"
)

// Version is the baseline file's format version.
const Version = 1

// File is a baseline file.
type File struct {
	Version int     `json:"version"`
	Tool    string  `json:"tool"`
	Entries []Entry `json:"findings"`
}

// Entry is one key with how many findings it had; Message is the first
// one's, for the reader only.
type Entry struct {
	report.FindingKey
	Count   int    `json:"count"`
	Message string `json:"message"`
}

// Root is the directory a baseline's file names are relative to: the
// baseline file's own, so it works from any working directory.
func Root(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// Build returns the baseline of findings.
func Build(fs []report.Finding, root string, src *report.Sources) File {
	keys, _ := src.Keys(fs, root)
	index := map[report.FindingKey]int{}
	b := File{Version: Version, Tool: "reviewlint", Entries: []Entry{}}
	for i, k := range keys {
		if j, ok := index[k]; ok {
			b.Entries[j].Count++
			continue
		}
		index[k] = len(b.Entries)
		b.Entries = append(b.Entries, Entry{FindingKey: k, Count: 1, Message: fs[i].Message})
	}
	slices.SortFunc(b.Entries, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Code, y.Code))
	})
	return b
}

// Write writes b to path, indented, with a final newline.
func Write(path string, b File) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o666)
}

// Read reads a baseline file.
func Read(path string) (File, error) {
	var b File
	data, err := os.ReadFile(path)
	if err != nil {
		return b, err
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return b, fmt.Errorf("%s: not a reviewlint baseline: %v", path, err)
	}
	if b.Version != Version {
		return b, fmt.Errorf("%s: baseline version %d, want %d (rewrite it with -write-baseline)", path, b.Version, Version)
	}
	return b, nil
}

// Outcome is what applying a baseline did.
type Outcome struct {
	Kept   []report.Finding
	Hidden int
	// Stale are entries no finding matched any more (fixed, or the line
	// changed), with the unmatched count.
	Stale []Entry
}

// Apply hides the findings b records: as many findings per key as the
// entry's count, the rest are new.
func Apply(b File, fs []report.Finding, root string, src *report.Sources) Outcome {
	left := map[report.FindingKey]int{}
	for _, e := range b.Entries {
		left[e.FindingKey] += e.Count
	}
	keys, _ := src.Keys(fs, root)
	var out Outcome
	for i, k := range keys {
		if left[k] > 0 {
			left[k]--
			out.Hidden++
			continue
		}
		out.Kept = append(out.Kept, fs[i])
	}
	for _, e := range b.Entries {
		if n := left[e.FindingKey]; n > 0 {
			e.Count = n
			left[e.FindingKey] = 0
			out.Stale = append(out.Stale, e)
		}
	}
	return out
}
