// Command findings prints findings as sorted "FILE:LINE RULE" lines, one
// format for plugin/test/run to compare, from:
//
//	findings golangci REPORT.json   golangci-lint's JSON report (reviewlint's issues)
//	findings reviewlint REPORT.json reviewlint -format json
//	findings expected DIR           "// finding: RULE" markers in DIR's Go files
//	findings unexpected DIR         "no finding: WHY" markers in comments, as "FILE:LINE"
//
// It is a Go program rather than jq or Python because CI has only Go.
package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: findings golangci|reviewlint|expected|unexpected PATH")
		os.Exit(2)
	}
	lines, err := read(os.Args[1], os.Args[2])
	if err != nil {
		fmt.Fprintf(os.Stderr, "findings: %v\n", err)
		os.Exit(2)
	}
	slices.Sort(lines)
	for _, l := range slices.Compact(lines) {
		fmt.Println(l)
	}
}

// read dispatches on the input kind.
func read(kind, path string) ([]string, error) {
	switch kind {
	case "golangci":
		return golangci(path)
	case "reviewlint":
		return reviewlint(path)
	case "expected":
		return markers(path, expectedMarker)
	case "unexpected":
		return markers(path, unexpectedMarker)
	}
	return nil, fmt.Errorf("unknown kind %q", kind)
}

// ruleTag is the rule ID the plugin appends to every message.
var ruleTag = regexp.MustCompile(`\(([A-Za-z0-9/-]+)\)$`)

// golangci reads the reviewlint issues of a golangci-lint JSON report; an
// issue without a rule tag is kept as "?" so that the comparison fails.
func golangci(path string) ([]string, error) {
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := decode(path, &report); err != nil {
		return nil, err
	}
	var out []string
	for _, is := range report.Issues {
		if is.FromLinter != "reviewlint" {
			continue
		}
		rule := "?"
		if m := ruleTag.FindStringSubmatch(is.Text); m != nil {
			rule = m[1]
		}
		out = append(out, fmt.Sprintf("%s:%d %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, rule))
	}
	return out, nil
}

// reviewlint reads reviewlint's JSON report.
func reviewlint(path string) ([]string, error) {
	var report struct {
		Findings []struct {
			Rule  string
			File  string
			Start struct{ Line int }
		}
	}
	if err := decode(path, &report); err != nil {
		return nil, err
	}
	var out []string
	for _, f := range report.Findings {
		out = append(out, fmt.Sprintf("%s:%d %s", filepath.ToSlash(f.File), f.Start.Line, f.Rule))
	}
	return out, nil
}

// decode reads the JSON document at the start of the file at path.
func decode(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := json.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

var (
	// "// finding: A" or, for several findings on one line,
	// "// finding: A, finding: B".
	expectedMarker   = regexp.MustCompile(`(?:// |, )finding: ([A-Za-z0-9/.-]+)`)
	unexpectedMarker = regexp.MustCompile(`\bno finding: `)
)

// markers returns the code lines of the Go files under dir that carry a
// marker, with the rule ID when the marker captures one.
func markers(dir string, marker *regexp.Regexp) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue // markers mark code lines; a comment line only talks about them
			}
			for _, m := range marker.FindAllStringSubmatch(line, -1) {
				if len(m) > 1 {
					out = append(out, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), i+1, m[1]))
				} else {
					out = append(out, fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1))
				}
			}
		}
		return nil
	})
	return out, err
}
