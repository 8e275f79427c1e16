// Package findings reads reviewlint's JSON output as the benchmark stores it
// and maps every finding to the key the ledger is indexed by: rule, module,
// file relative to the module root, and the normalised source line.
package findings

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Finding is one reviewlint diagnostic, with the fields the benchmark adds
// (Module, RelFile, Code) when it merges the per-module outputs.
type Finding struct {
	Rule     string `json:"rule"`
	Analyzer string `json:"analyzer"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	// Start is where reviewlint's JSON schema (version 1) puts the
	// position; Line and Column are filled from it when absent.
	Start *struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	} `json:"start,omitempty"`

	Module  string `json:"module,omitempty"`
	RelFile string `json:"relfile,omitempty"`
	Code    string `json:"code,omitempty"`
}

// Key identifies a finding in the ledger independently of line numbers, so a
// verdict survives edits elsewhere in the file and new module versions that
// keep the line.
type Key struct {
	Rule, Module, File, Code string
}

// Key returns the ledger key of f. Module, RelFile and Code must be set.
func (f Finding) Key() Key {
	return Key{Rule: f.Rule, Module: f.Module, File: f.RelFile, Code: Normalize(f.Code)}
}

// Output is reviewlint's JSON document: {"findings": [...], "errors": [...]}.
type Output struct {
	Findings []json.RawMessage `json:"findings"`
	Errors   []json.RawMessage `json:"errors"`
}

// Merged is the file bench/run writes to bench/results/reviewlint-findings.json:
// the outputs of one reviewlint run per corpus module, each finding annotated
// with its module, module-relative file and source line.
type Merged struct {
	Comment string         `json:"comment,omitempty"`
	Modules []MergedModule `json:"modules"`
}

// MergedModule is one module's part of a Merged file.
type MergedModule struct {
	Module   string            `json:"module"`
	Version  string            `json:"version,omitempty"`
	Dir      string            `json:"dir"`
	ExitCode int               `json:"exit_code"`
	Problem  string            `json:"problem,omitempty"`
	Findings []json.RawMessage `json:"findings"`
	Errors   []json.RawMessage `json:"errors"`
}

// Normalize trims s and collapses every run of whitespace to one space.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// RelFile returns file relative to the module root dir, with forward
// slashes. A relative file is taken as relative to dir already.
func RelFile(dir, file string) string {
	if file == "" {
		return ""
	}
	if filepath.IsAbs(file) && dir != "" {
		if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// Lines reads source lines and remembers the files it has read.
type Lines struct {
	files map[string][]string
}

// Line returns line n (1-based) of path, or "" if it cannot be read.
func (l *Lines) Line(path string, n int) string {
	if l.files == nil {
		l.files = map[string][]string{}
	}
	lines, ok := l.files[path]
	if !ok {
		data, err := os.ReadFile(path)
		if err == nil {
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
		}
		l.files[path] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// Annotate decodes the raw findings of one module run at dir and fills in
// Module, RelFile and Code (read from the source when it is not set yet).
func Annotate(module, dir string, raw []json.RawMessage, src *Lines) ([]Finding, error) {
	out := make([]Finding, 0, len(raw))
	for _, r := range raw {
		var f Finding
		if err := json.Unmarshal(r, &f); err != nil {
			return nil, fmt.Errorf("decoding finding %s: %v", r, err)
		}
		if f.Line == 0 && f.Start != nil {
			f.Line, f.Column = f.Start.Line, f.Start.Column
		}
		if f.Module == "" {
			f.Module = module
		}
		if f.RelFile == "" {
			f.RelFile = RelFile(dir, f.File)
		}
		if f.Code == "" && f.File != "" {
			p := f.File
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			f.Code = src.Line(p, f.Line)
		}
		f.Code = Normalize(f.Code)
		out = append(out, f)
	}
	return out, nil
}

// Load reads either a Merged file or a plain reviewlint JSON output. For a
// plain output, module and dir say where it was run (dir defaults to the
// current directory); for a Merged file they are ignored.
func Load(path, module, dir string) ([]Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("%s: not JSON: %v", path, err)
	}
	var src Lines
	if _, ok := probe["modules"]; ok {
		var m Merged
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		var all []Finding
		for _, mod := range m.Modules {
			fs, err := Annotate(mod.Module, mod.Dir, mod.Findings, &src)
			if err != nil {
				return nil, fmt.Errorf("%s: module %s: %v", path, mod.Module, err)
			}
			all = append(all, fs...)
		}
		return all, nil
	}
	if _, ok := probe["findings"]; !ok {
		return nil, fmt.Errorf("%s: neither a reviewlint JSON output nor a merged findings file", path)
	}
	if module == "" {
		return nil, errors.New(path + ": a plain reviewlint output needs -module (and -dir if it was not run here)")
	}
	if dir == "" {
		if dir, err = os.Getwd(); err != nil {
			return nil, err
		}
	}
	var o Output
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return Annotate(module, dir, o.Findings, &src)
}
