// Package directive finds suppression comments once per package and answers
// whether a diagnostic is suppressed. It is a non-reporting analyzer whose
// result every reporting analyzer reads (through policy's wrapper, and
// suppression's own checks), so suppression behaves the same in the CLI,
// under go vet and under golangci-lint.
//
// These syntaxes are understood:
//
//	//nolint                         all linters (golangci-lint's meaning)
//	//nolint:reviewlint,httpbody     named linters, analyzers, families or rule IDs
//	//reviewlint:ignore RULE reason  one rule (or analyzer) with a required reason
//	//lint:ignore CHECK[,CHECK] reason   staticcheck's: checks or rule IDs, globs allowed
//	//lint:file-ignore CHECK reason      staticcheck's, for the whole file
//
// A directive applies to its own line and, when it stands alone on its line,
// to the line below; //lint:file-ignore applies to its file. As in
// staticcheck, a //lint: directive without a reason applies to nothing.
package directive

import (
	"go/ast"
	"go/token"
	"path"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Kind tells the two directive syntaxes apart.
type Kind int

// The directive syntaxes.
const (
	NoLint         Kind = iota // //nolint[:names]
	Ignore                     // //reviewlint:ignore selectors reason
	LintIgnore                 // //lint:ignore checks reason (staticcheck)
	LintFileIgnore             // //lint:file-ignore checks reason (staticcheck)
)

// Directive is one suppression comment.
type Directive struct {
	Kind Kind
	Pos  token.Pos // the comment
	End  token.Pos
	// Selectors are lowercased names: linters, analyzers, families or rule
	// IDs. Empty for a bare //nolint, which matches everything.
	Selectors []string
	// RuleText is the selector list of a //reviewlint:ignore or //lint:
	// directive as written, for messages.
	RuleText string
	// Reason is the free text after the selectors (after "//" for nolint).
	Reason string
	// Line is the comment's line; Standalone reports whether no code
	// precedes it on that line, in which case it also covers Line+1.
	Line       int
	Standalone bool
}

// Index holds the directives of one package by file and covered line.
type Index struct {
	All    []*Directive
	byLine map[string]map[int][]*Directive
	byFile map[string][]*Directive // //lint:file-ignore
}

// Analyzer parses the directives of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:       "directive",
	Doc:        "collects //nolint and //reviewlint:ignore directives",
	Run:        run,
	ResultType: reflect.TypeOf((*Index)(nil)),
}

func run(pass *analysis.Pass) (any, error) {
	idx := &Index{byLine: map[string]map[int][]*Directive{}}
	for _, f := range pass.Files {
		var code map[int]token.Pos // computed lazily: most files have no directive
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				d := Parse(c.Text)
				if d == nil {
					continue
				}
				if code == nil {
					code = firstCode(pass.Fset, f)
				}
				pos := pass.Fset.Position(c.Slash)
				d.Pos, d.End = c.Slash, c.End()
				d.Line = pos.Line
				first, ok := code[pos.Line]
				d.Standalone = !ok || first > c.Slash
				idx.add(pos.Filename, d)
			}
		}
	}
	return idx, nil
}

func (idx *Index) add(file string, d *Directive) {
	idx.All = append(idx.All, d)
	if d.Kind == LintFileIgnore {
		if idx.byFile == nil {
			idx.byFile = map[string][]*Directive{}
		}
		idx.byFile[file] = append(idx.byFile[file], d)
		return
	}
	lines := idx.byLine[file]
	if lines == nil {
		lines = map[int][]*Directive{}
		idx.byLine[file] = lines
	}
	lines[d.Line] = append(lines[d.Line], d)
	if d.Standalone {
		lines[d.Line+1] = append(lines[d.Line+1], d)
	}
}

// Match returns the directive that suppresses a diagnostic at pos whose
// names (rule ID, analyzer, family, linter aliases; lowercase) are given, or
// nil.
func (idx *Index) Match(fset *token.FileSet, pos token.Pos, names []string) *Directive {
	if idx == nil || len(idx.All) == 0 || !pos.IsValid() {
		return nil
	}
	p := fset.Position(pos)
	for _, d := range idx.byLine[p.Filename][p.Line] {
		if d.Matches(names) {
			return d
		}
	}
	for _, d := range idx.byFile[p.Filename] {
		if d.Matches(names) {
			return d
		}
	}
	return nil
}

// Matches reports whether the directive applies to a diagnostic with names.
func (d *Directive) Matches(names []string) bool {
	if d.Kind == LintIgnore || d.Kind == LintFileIgnore {
		return d.matchesGlob(names)
	}
	if d.Kind == NoLint && len(d.Selectors) == 0 {
		return true
	}
	for _, s := range d.Selectors {
		if s == "all" || s == "reviewlint" {
			return true
		}
		for _, n := range names {
			if s == n {
				return true
			}
		}
	}
	return false
}

// matchesGlob is staticcheck's matching: each check is a path.Match
// pattern ("SA*", "sharedstate/*"), and a directive without a reason is
// malformed and applies to nothing.
func (d *Directive) matchesGlob(names []string) bool {
	if d.Reason == "" {
		return false
	}
	for _, s := range d.Selectors {
		for _, n := range names {
			if ok, _ := path.Match(s, n); ok {
				return true
			}
		}
	}
	return false
}

// Parse recognises a directive in the text of one comment ("//..." form,
// as go/ast gives it); it returns nil for any other comment.
func Parse(text string) *Directive {
	body, ok := strings.CutPrefix(text, "//")
	if !ok {
		return nil
	}
	// golangci-lint accepts "// nolint" too; so do we, but nothing looser.
	body = strings.TrimPrefix(body, " ")
	switch {
	case body == "nolint" || strings.HasPrefix(body, "nolint:") || strings.HasPrefix(body, "nolint "):
		return parseNoLint(strings.TrimPrefix(body, "nolint"))
	case strings.HasPrefix(body, "reviewlint:ignore"):
		rest := strings.TrimPrefix(body, "reviewlint:ignore")
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return nil
		}
		fields := strings.Fields(rest)
		d := &Directive{Kind: Ignore}
		if len(fields) > 0 {
			d.Selectors = splitSelectors(fields[0])
			d.RuleText = fields[0]
			d.Reason = strings.Join(fields[1:], " ")
		}
		return d
	case strings.HasPrefix(text, "//lint:"):
		return parseLint(strings.TrimPrefix(text, "//lint:"))
	}
	return nil
}

// parseLint parses the text after staticcheck's "//lint:" (which, as in
// staticcheck, takes no space after the slashes); other //lint: commands are
// not suppressions.
func parseLint(body string) *Directive {
	fields := strings.Fields(body)
	if len(fields) == 0 {
		return nil
	}
	d := &Directive{}
	switch fields[0] {
	case "ignore":
		d.Kind = LintIgnore
	case "file-ignore":
		d.Kind = LintFileIgnore
	default:
		return nil
	}
	if len(fields) > 1 {
		d.Selectors = splitSelectors(fields[1])
		d.RuleText = fields[1]
		d.Reason = strings.Join(fields[2:], " ")
	}
	return d
}

func parseNoLint(rest string) *Directive {
	d := &Directive{Kind: NoLint}
	if names, ok := strings.CutPrefix(rest, ":"); ok {
		// The list ends at the first space or tab ("//nolint:errcheck\t// why").
		list, reason := names, ""
		if i := strings.IndexAny(names, " \t"); i >= 0 {
			list, reason = names[:i], names[i+1:]
		}
		d.Selectors = splitSelectors(list)
		rest = reason
	}
	if _, reason, ok := strings.Cut(rest, "//"); ok {
		d.Reason = strings.TrimSpace(reason)
	}
	return d
}

func splitSelectors(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// firstCode maps each line to the earliest position at which a syntax node
// starts or ends on it; a comment with no node starting or ending before it
// stands alone. Ends alone are not enough: on "select { //nolint" or
// "default: //nolint" no node ends before the comment, yet it trails code
// and must not cover the next line.
func firstCode(fset *token.FileSet, f *ast.File) map[int]token.Pos {
	first := map[int]token.Pos{}
	note := func(p token.Pos) {
		if !p.IsValid() {
			return
		}
		line := fset.Position(p).Line
		if e, ok := first[line]; !ok || p < e {
			first[line] = p
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		}
		note(n.Pos())
		note(n.End())
		return true
	})
	return first
}
