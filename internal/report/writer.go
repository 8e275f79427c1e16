package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
)

// Env is what writers need besides the result.
type Env struct {
	// Cwd makes file names relative: findings under it print relative to
	// it, others absolute.
	Cwd string
	// Rules is the catalog, for formats that describe rules (SARIF).
	Rules []analyzers.Rule
	// Version is reviewlint's version.
	Version string
	// ShowSeverity makes the text format print each finding's severity
	// after the position, as compilers print "error:" and "warning:".
	ShowSeverity bool
}

// A Writer prints a result in one format: Text, JSON, SARIF, GitHub,
// RDJSON and RDJSONL (reviewdog), Checkstyle and CodeClimate, by their
// -format names in Writers.
type Writer interface {
	Write(w io.Writer, r *Result, env Env) error
}

// Writers maps -format names to writers.
var Writers = map[string]Writer{
	"text": Text{},
	"json": JSON{},
}

// Rel returns name relative to cwd when it lies below cwd, else name.
func Rel(cwd, name string) string {
	if cwd == "" || name == "" {
		return name
	}
	r, err := filepath.Rel(cwd, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return name
	}
	return r
}

// Text prints one line per finding, like the go command and go vet:
// "file:line:col: message (rule)", or with Env.ShowSeverity
// "file:line:col: warning: message (rule)" (the compilers' form, which
// editors' error formats read).
type Text struct{}

// Write implements Writer.
func (Text) Write(w io.Writer, r *Result, env Env) error {
	for _, f := range r.Findings {
		sev := ""
		if env.ShowSeverity {
			sev = string(f.Severity) + ": "
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s%s (%s)\n", Rel(env.Cwd, f.File), f.Start.Line, f.Start.Column, sev, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}

// JSONSchemaVersion is bumped on any incompatible change to JSON output.
const JSONSchemaVersion = 1

// JSON prints the whole result as one object; the schema is documented in
// the README and stable within a JSONSchemaVersion.
type JSON struct{}

type jsonDoc struct {
	Version  int            `json:"version"`
	Tool     jsonTool       `json:"tool"`
	Findings []Finding      `json:"findings"`
	Errors   []PackageError `json:"errors"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Write implements Writer.
func (JSON) Write(w io.Writer, r *Result, env Env) error {
	doc := jsonDoc{
		Version:  JSONSchemaVersion,
		Tool:     jsonTool{Name: "reviewlint", Version: env.Version},
		Findings: relativeFindings(r.Findings, env.Cwd),
		Errors:   r.Errors,
	}
	if doc.Findings == nil {
		doc.Findings = []Finding{}
	}
	if doc.Errors == nil {
		doc.Errors = []PackageError{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// relativeFindings copies findings with every file name made relative.
func relativeFindings(fs []Finding, cwd string) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.File = Rel(cwd, f.File)
		f.Related = append([]Related(nil), f.Related...)
		for j := range f.Related {
			f.Related[j].File = Rel(cwd, f.Related[j].File)
		}
		fixes := make([]Fix, len(f.Fixes))
		for j, fx := range f.Fixes {
			fx.Edits = append([]Edit(nil), fx.Edits...)
			for k := range fx.Edits {
				fx.Edits[k].File = Rel(cwd, fx.Edits[k].File)
			}
			fixes[j] = fx
		}
		if len(fixes) > 0 {
			f.Fixes = fixes
		}
		out[i] = f
	}
	return out
}
