// Package docutil extracts an analyzer's documentation from its doc.go, so
// that the prose lives in one place (x/tools' equivalent is internal).
package docutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the section of the package comment of content (the
// source of a doc.go file) that starts with the heading "# Analyzer name",
// up to the next "# Analyzer" heading. It panics if there is none: a missing
// doc is a programming error caught by every test.
func MustExtract(content, name string) string {
	doc, err := Extract(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// Extract is MustExtract with an error instead of a panic.
func Extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go for %s has no package comment", name)
	}
	return section(f.Doc, name)
}

func section(doc *ast.CommentGroup, name string) (string, error) {
	heading := "# Analyzer " + name
	var out []string
	in := false
	for _, line := range strings.Split(doc.Text(), "\n") {
		if strings.HasPrefix(line, "# Analyzer ") {
			if in {
				break
			}
			in = strings.TrimSpace(line) == heading
			continue
		}
		if in {
			out = append(out, line)
		}
	}
	if !in && len(out) == 0 {
		return "", fmt.Errorf("doc.go has no %q section", heading)
	}
	return strings.TrimSpace(strings.Join(out, "\n")), nil
}
