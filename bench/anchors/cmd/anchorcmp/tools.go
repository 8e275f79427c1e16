package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// A finding is one diagnostic of one tool, its file relative to the module.
type finding struct {
	check   string // analyzer, linter, staticcheck code or reviewlint rule
	file    string
	line    int
	col     int
	message string
}

// A tool is one column of the comparison.
type tool struct {
	label    string            // column heading
	format   string            // reviewlint, vet, staticcheck, golangci
	checks   string            // what was enabled, for the summary
	rules    map[string]string // check -> the fixture rule it targets
	findings []finding
	errors   []string // packages that failed to load, compile errors
}

// parseToolSpec parses "LABEL;FORMAT;CHECKS;RULEMAP;FILE". RULEMAP is
// "check=rule,..." (may be empty): the fixture rule directory each check
// targets. reviewlint's "FAMILY/rule" IDs map to "rule" without it.
func parseToolSpec(spec string) (*tool, string, error) {
	parts := strings.SplitN(spec, ";", 5)
	if len(parts) != 5 {
		return nil, "", fmt.Errorf("bad -tool %q: want LABEL;FORMAT;CHECKS;RULEMAP;FILE", spec)
	}
	switch parts[1] {
	case "reviewlint", "vet", "staticcheck", "golangci":
	default:
		return nil, "", fmt.Errorf("bad -tool %q: unknown format %q (reviewlint, vet, staticcheck, golangci)", spec, parts[1])
	}
	t := &tool{label: parts[0], format: parts[1], checks: parts[2], rules: map[string]string{}}
	for _, kv := range strings.Split(parts[3], ",") {
		if kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, "", fmt.Errorf("bad -tool %q: rule map entry %q is not check=rule", spec, kv)
		}
		t.rules[k] = v
	}
	return t, parts[4], nil
}

// ruleOf returns the fixture rule a check targets ("" for none).
func (t *tool) ruleOf(family, check string) string {
	if r, ok := t.rules[check]; ok {
		return r
	}
	if t.format == "reviewlint" {
		if r, ok := strings.CutPrefix(check, family+"/"); ok {
			return r
		}
	}
	return ""
}

// read parses the tool's output file. Paths are made relative to module.
func (t *tool) read(file, module string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	rel := relativizer(module)
	switch t.format {
	case "reviewlint":
		err = t.readReviewlint(data, rel)
	case "vet":
		err = t.readVet(data, rel)
	case "staticcheck":
		err = t.readStaticcheck(data, rel)
	case "golangci":
		err = t.readGolangci(data, rel)
	}
	if err != nil {
		return fmt.Errorf("%s output %s: %v", t.label, file, err)
	}
	sort.SliceStable(t.findings, func(i, j int) bool {
		a, b := t.findings[i], t.findings[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	return nil
}

// relativizer returns a function making a reported path relative to the
// module directory (tools print absolute paths, paths relative to the
// module, or with symlinks resolved).
func relativizer(module string) func(string) string {
	roots := []string{filepath.Clean(module)}
	if abs, err := filepath.Abs(module); err == nil {
		roots = append(roots, abs)
	}
	if real, err := filepath.EvalSymlinks(module); err == nil {
		roots = append(roots, real)
	}
	return func(p string) string {
		if filepath.IsAbs(p) {
			for _, r := range roots {
				if rel, err := filepath.Rel(r, p); err == nil && !strings.HasPrefix(rel, "..") {
					return filepath.ToSlash(rel)
				}
			}
			return filepath.ToSlash(p)
		}
		return filepath.ToSlash(filepath.Clean(p))
	}
}

func (t *tool) readReviewlint(data []byte, rel func(string) string) error {
	var doc struct {
		Findings []struct {
			Rule    string `json:"rule"`
			Message string `json:"message"`
			File    string `json:"file"`
			Start   struct {
				Line   int `json:"line"`
				Column int `json:"column"`
			} `json:"start"`
		} `json:"findings"`
		Errors []struct {
			Package string `json:"package"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return err
	}
	for _, f := range doc.Findings {
		t.findings = append(t.findings, finding{check: f.Rule, file: rel(f.File), line: f.Start.Line, col: f.Start.Column, message: f.Message})
	}
	for _, e := range doc.Errors {
		t.errors = append(t.errors, e.Package+": "+e.Message)
	}
	return nil
}

// posnRE splits vet's "file:line:col" positions.
var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

// readVet reads `go vet -json`: a stream of objects
// {package: {analyzer: [{posn, message}] | {error: ...}}}.
func (t *tool) readVet(data []byte, rel func(string) string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var obj map[string]map[string]json.RawMessage
		err := dec.Decode(&obj)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		for pkg, byAnalyzer := range obj {
			for analyzer, raw := range byAnalyzer {
				var diags []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if json.Unmarshal(raw, &diags) != nil {
					t.errors = append(t.errors, fmt.Sprintf("%s: %s: %s", pkg, analyzer, raw))
					continue
				}
				for _, d := range diags {
					m := posnRE.FindStringSubmatch(d.Posn)
					if m == nil {
						return fmt.Errorf("bad position %q", d.Posn)
					}
					line, _ := strconv.Atoi(m[2])
					col, _ := strconv.Atoi(m[3])
					t.findings = append(t.findings, finding{check: analyzer, file: rel(m[1]), line: line, col: col, message: d.Message})
				}
			}
		}
	}
}

// readStaticcheck reads `staticcheck -f json`: one object per line.
func (t *tool) readStaticcheck(data []byte, rel func(string) string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var d struct {
			Code     string `json:"code"`
			Location struct {
				File   string `json:"file"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
			} `json:"location"`
			Message string `json:"message"`
		}
		err := dec.Decode(&d)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if d.Code == "compile" || d.Location.File == "" {
			t.errors = append(t.errors, fmt.Sprintf("%s:%d: %s", rel(d.Location.File), d.Location.Line, d.Message))
			continue
		}
		t.findings = append(t.findings, finding{check: d.Code, file: rel(d.Location.File), line: d.Location.Line, col: d.Location.Column, message: d.Message})
	}
}

// readGolangci reads golangci-lint v2's JSON output.
func (t *tool) readGolangci(data []byte, rel func(string) string) error {
	var doc struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
				Column   int
			}
		}
	}
	// The first JSON value: golangci-lint may print its text summary
	// ("N issues: ...") after it on the same stream.
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return err
	}
	for _, is := range doc.Issues {
		if is.FromLinter == "typecheck" {
			t.errors = append(t.errors, fmt.Sprintf("%s:%d: %s", rel(is.Pos.Filename), is.Pos.Line, is.Text))
			continue
		}
		t.findings = append(t.findings, finding{check: is.FromLinter, file: rel(is.Pos.Filename), line: is.Pos.Line, col: is.Pos.Column, message: is.Text})
	}
	return nil
}
