package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
)

// RDJSONL prints reviewdog's Diagnostic Format as JSON Lines, one
// diagnostic per finding (`reviewdog -f=rdjsonl`); RDJSON prints one
// DiagnosticResult (`reviewdog -f=rdjson`). Paths are relative to the
// working directory, which is what reviewdog resolves them against;
// columns are bytes, as the format specifies; the first suggested fix
// becomes suggestions (a fix's alternatives cannot be applied together).
type (
	RDJSONL struct{}
	RDJSON  struct{}
)

func init() {
	Writers["rdjsonl"] = RDJSONL{}
	Writers["rdjson"] = RDJSON{}
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdDiagnostic struct {
	Message          string      `json:"message"`
	Location         rdLocation  `json:"location"`
	Severity         string      `json:"severity"`
	Source           rdSource    `json:"source"`
	Code             rdCode      `json:"code"`
	Suggestions      []rdSuggest `json:"suggestions,omitempty"`
	OriginalOutput   string      `json:"original_output,omitempty"`
	RelatedLocations []rdRelated `json:"related_locations,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdSuggest struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelated struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}

var rdSourceReviewlint = rdSource{Name: "reviewlint", URL: InformationURI}

// Write implements Writer.
func (RDJSONL) Write(w io.Writer, r *Result, env Env) error {
	enc := json.NewEncoder(w)
	for _, f := range r.Findings {
		if err := enc.Encode(rdDiag(f, env.Cwd)); err != nil {
			return err
		}
	}
	return nil
}

// Write implements Writer.
func (RDJSON) Write(w io.Writer, r *Result, env Env) error {
	doc := rdResult{Source: rdSourceReviewlint, Diagnostics: []rdDiagnostic{}}
	for _, f := range r.Findings {
		doc.Diagnostics = append(doc.Diagnostics, rdDiag(f, env.Cwd))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func rdDiag(f Finding, cwd string) rdDiagnostic {
	d := rdDiagnostic{
		Message:  f.Message,
		Location: rdLocation{Path: rdPath(cwd, f.File), Range: rdRangeOf(f.Start, f.End)},
		Severity: strings.ToUpper(string(rdSeverity(f.Severity))),
		Source:   rdSourceReviewlint,
		Code:     rdCode{Value: f.Rule, URL: f.URL},
		// What reviewdog's local reporter prints: the text format's line.
		OriginalOutput: fmt.Sprintf("%s:%d:%d: %s (%s)", rdPath(cwd, f.File), f.Start.Line, f.Start.Column, f.Message, f.Rule),
	}
	if len(f.Fixes) > 0 && sameFile(f.Fixes[0], f.File) {
		for _, e := range f.Fixes[0].Edits {
			rg := rdRangeOf(e.Start, e.End)
			if rg.End == nil {
				rg.End = &rg.Start // an insertion: start == end
			}
			d.Suggestions = append(d.Suggestions, rdSuggest{Range: *rg, Text: e.NewText})
		}
	}
	for _, rel := range f.Related {
		d.RelatedLocations = append(d.RelatedLocations, rdRelated{Message: rel.Message, Location: rdLocation{Path: rdPath(cwd, rel.File), Range: rdRangeOf(rel.Start, rel.End)}})
	}
	return d
}

// rdSeverity maps a severity to reviewdog's (ERROR, WARNING, INFO).
func rdSeverity(s analyzers.Severity) analyzers.Severity {
	if s.Rank() == 0 {
		return analyzers.Warning
	}
	return s
}

// rdRangeOf is a range with an exclusive end, nil without a line; a point
// has no end.
func rdRangeOf(start, end Position) *rdRange {
	if start.Line < 1 {
		return nil
	}
	r := &rdRange{Start: rdPosition{Line: start.Line, Column: max(start.Column, 0)}}
	if end.Line > start.Line || (end.Line == start.Line && end.Column > start.Column) {
		r.End = &rdPosition{Line: end.Line, Column: max(end.Column, 0)}
	}
	return r
}

// sameFile reports whether every edit of fx is in file: a suggestion has
// no path of its own.
func sameFile(fx Fix, file string) bool {
	for _, e := range fx.Edits {
		if e.File != file || e.Start.Line < 1 {
			return false
		}
	}
	return len(fx.Edits) > 0
}

func rdPath(cwd, name string) string {
	return filepath.ToSlash(Rel(cwd, name))
}
