// Package report holds the host-independent form of a run's results: the
// findings, the packages that failed, and the writers that print them.
package report

import (
	"cmp"
	"slices"

	"github.com/reviewlint/reviewlint/analyzers"
)

// Position is a place in a file. Line and Column are 1-based; Column counts
// bytes, like the go command. Offset is the 0-based byte offset.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// Edit replaces the bytes [Start.Offset, End.Offset) of File with NewText.
type Edit struct {
	File    string   `json:"file"`
	Start   Position `json:"start"`
	End     Position `json:"end"`
	NewText string   `json:"new_text"`
}

// Fix is one suggested fix: a set of edits applied together.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Related is a second position that explains a finding (where the resource
// was acquired, the other lock order, ...).
type Related struct {
	File    string   `json:"file"`
	Start   Position `json:"start"`
	End     Position `json:"end"`
	Message string   `json:"message"`
}

// Finding is one diagnostic after configuration and suppression. File names
// are absolute inside the program and made relative only by writers.
type Finding struct {
	Rule     string             `json:"rule"`
	Analyzer string             `json:"analyzer"`
	Severity analyzers.Severity `json:"severity"`
	Message  string             `json:"message"`
	// URL is the rule's documentation.
	URL     string    `json:"url,omitempty"`
	File    string    `json:"file"`
	Start   Position  `json:"start"`
	End     Position  `json:"end"`
	Related []Related `json:"related,omitempty"`
	Fixes   []Fix     `json:"suggested_fixes,omitempty"`
}

// PackageError is a package that could not be loaded or type-checked, or a
// failure of the go command before any package was listed (Package empty).
type PackageError struct {
	Package string `json:"package"`
	Message string `json:"message"`
	// Kind tells failures apart: "" a package, ErrGo the go command or the
	// loader (module resolution, toolchain, no matching packages),
	// ErrPattern a command-line pattern that names nothing loadable.
	Kind string `json:"kind,omitempty"`
}

// The kinds of PackageError.
const (
	ErrGo      = "go"
	ErrPattern = "pattern"
)

// Result is everything a run produced.
type Result struct {
	Findings []Finding
	Errors   []PackageError
}

// Sort orders findings by file, line, column, rule and message, and errors by
// package and message, so output is deterministic.
func (r *Result) Sort() {
	slices.SortFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Start.Line, b.Start.Line),
			cmp.Compare(a.Start.Column, b.Start.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	r.Findings = slices.CompactFunc(r.Findings, func(a, b Finding) bool {
		return a.File == b.File && a.Start == b.Start && a.Rule == b.Rule && a.Message == b.Message
	})
	slices.SortFunc(r.Errors, func(a, b PackageError) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Message, b.Message), cmp.Compare(a.Kind, b.Kind))
	})
	r.Errors = slices.Compact(r.Errors)
}
