package directive_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/directive"
)

// TestParse covers both syntaxes and the near misses that must stay
// ordinary comments.
func TestParse(t *testing.T) {
	tests := []struct {
		text string
		want *directive.Directive // nil: not a directive
	}{
		{"//nolint", &directive.Directive{Kind: directive.NoLint}},
		{"//nolint // generated code", &directive.Directive{Kind: directive.NoLint, Reason: "generated code"}},
		{"//nolint:a,b // reason", &directive.Directive{Kind: directive.NoLint, Selectors: []string{"a", "b"}, Reason: "reason"}},
		{"// nolint:x", &directive.Directive{Kind: directive.NoLint, Selectors: []string{"x"}}},
		{"//nolint:all", &directive.Directive{Kind: directive.NoLint, Selectors: []string{"all"}}},
		{"//nolint:HTTPBody/Status-Unchecked", &directive.Directive{Kind: directive.NoLint, Selectors: []string{"httpbody/status-unchecked"}}},
		{"//reviewlint:ignore rule reason words", &directive.Directive{Kind: directive.Ignore, Selectors: []string{"rule"}, RuleText: "rule", Reason: "reason words"}},
		{"//reviewlint:ignore a,b why", &directive.Directive{Kind: directive.Ignore, Selectors: []string{"a", "b"}, RuleText: "a,b", Reason: "why"}},
		{"// reviewlint:ignore rule why", &directive.Directive{Kind: directive.Ignore, Selectors: []string{"rule"}, RuleText: "rule", Reason: "why"}},
		{"//reviewlint:ignore", &directive.Directive{Kind: directive.Ignore}},
		{"//reviewlint:ignore rule", &directive.Directive{Kind: directive.Ignore, Selectors: []string{"rule"}, RuleText: "rule"}},
		{"//reviewlint:ignoreX rule why", nil},
		{"/* nolint */", nil},
		{"//nolintfoo", nil},
		{"//  nolint", nil},
		{"// this is not a nolint", nil},
		{"//lint:ignore SA1012 staticcheck's syntax", &directive.Directive{Kind: directive.LintIgnore, Selectors: []string{"sa1012"}, RuleText: "SA1012", Reason: "staticcheck's syntax"}},
		{"//lint:ignore SA1012,httpbody/* two", &directive.Directive{Kind: directive.LintIgnore, Selectors: []string{"sa1012", "httpbody/*"}, RuleText: "SA1012,httpbody/*", Reason: "two"}},
		{"//lint:file-ignore SA2001 generated", &directive.Directive{Kind: directive.LintFileIgnore, Selectors: []string{"sa2001"}, RuleText: "SA2001", Reason: "generated"}},
		{"//lint:ignore SA1012", &directive.Directive{Kind: directive.LintIgnore, Selectors: []string{"sa1012"}, RuleText: "SA1012"}},
		{"// lint:ignore SA1012 why", nil}, // staticcheck takes no space
		{"//lint:other SA1012 why", nil},
		{"//lint:ignorex SA1012 why", nil},
	}
	for _, tt := range tests {
		got := directive.Parse(tt.text)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// TestMatches covers which diagnostics a parsed directive applies to.
func TestMatches(t *testing.T) {
	names := []string{"httpbody/status-unchecked", "httpbody"}
	tests := []struct {
		text string
		want bool
	}{
		{"//nolint", true},                                    // bare: every linter
		{"//nolint:all", true},                                // golangci-lint's "all"
		{"//nolint:reviewlint", true},                         // this tool as a whole
		{"//nolint:httpbody", true},                           // the analyzer
		{"//nolint:errcheck,httpbody", true},                  // one of several
		{"//nolint:httpbody\t// closed by the caller", true},  // a tab ends the list
		{"//nolint:httpbody/status-unchecked", true},          // the rule
		{"//nolint:errcheck", false},                          // another linter
		{"//nolint:httpbody/unclosed", false},                 // a sibling rule
		{"//reviewlint:ignore httpbody why", true},            // analyzer, with reason
		{"//reviewlint:ignore httpbody", true},                // no reason: still applies (and is reported)
		{"//reviewlint:ignore", false},                        // no rule: silences nothing
		{"//reviewlint:ignore errorlog why", false},           // another analyzer
		{"//reviewlint:ignore reviewlint everything", true},   // the tool
		{"//lint:ignore httpbody/status-unchecked why", true}, // staticcheck's syntax, a rule ID
		{"//lint:ignore HTTPBody/* why", true},                // staticcheck's globs
		{"//lint:ignore SA1019,httpbody why", true},           // one of several
		{"//lint:ignore httpbody/status-unchecked", false},    // no reason: malformed, applies to nothing
		{"//lint:ignore httpbody/unclosed why", false},        // a sibling rule
		{"//lint:file-ignore httpbody/status-* why", true},    // file-wide, glob
		{"//lint:ignore reviewlint why", false},               // staticcheck's syntax names checks, not tools
	}
	for _, tt := range tests {
		if got := directive.Parse(tt.text).Matches(names); got != tt.want {
			t.Errorf("%q matches %v = %v, want %v", tt.text, names, got, tt.want)
		}
	}
}

// coverageSrc has one directive per layout. A directive after code covers
// only its line; one alone on its line also covers the next.
const coverageSrc = `package p

func f() int {
	x := 1 //nolint:trailing
	//nolint:above
	y := 2
	select { //nolint:select
	default:
	}
	for { //nolint:for
		break
	}
	switch { //nolint:switch
	default: //nolint:default
		x++
	}
	//reviewlint:ignore ignored the reason
	return x + y
}

//nolint:decl
func g() {}
`

// coverage lists, for each directive of coverageSrc by its selector, the
// lines it covers.
var coverage = map[string][]int{
	"trailing": {4},
	"above":    {5, 6},
	"select":   {7}, // nothing ends before the comment, but select starts there
	"for":      {10},
	"switch":   {13},
	"default":  {14},
	"ignored":  {17, 18},
	"decl":     {21, 22},
}

// TestCoverage runs the analyzer on coverageSrc through a hand-made pass
// and checks the lines each directive covers and its Standalone flag.
func TestCoverage(t *testing.T) {
	fset, idx := index(t, coverageSrc)
	if len(idx.All) != len(coverage) {
		t.Fatalf("found %d directives, want %d", len(idx.All), len(coverage))
	}
	file := fset.File(token.Pos(1))
	for _, d := range idx.All {
		sel := d.Selectors[0]
		want := coverage[sel]
		if standalone := len(want) == 2; d.Standalone != standalone {
			t.Errorf("%s: Standalone = %v, want %v", sel, d.Standalone, standalone)
		}
		for line := 1; line <= file.LineCount(); line++ {
			got := idx.Match(fset, file.LineStart(line), []string{sel}) == d
			if got != slices.Contains(want, line) {
				t.Errorf("%s: covers line %d = %v, want %v", sel, line, got, !got)
			}
		}
	}
}

// lintSrc has staticcheck's directives: //lint:ignore covers lines as the
// other syntaxes do, //lint:file-ignore every line of its file.
const lintSrc = `package p

func f() int {
	x := 1 //lint:ignore trailing why
	//lint:ignore above why
	return x
}

//lint:file-ignore whole why
`

// TestLintCoverage checks the lines staticcheck's directives cover.
func TestLintCoverage(t *testing.T) {
	fset, idx := index(t, lintSrc)
	want := map[string][]int{"trailing": {4}, "above": {5, 6}, "whole": {1, 2, 3, 4, 5, 6, 7, 8, 9}}
	file := fset.File(token.Pos(1))
	for sel, lines := range want {
		for line := 1; line < file.LineCount(); line++ {
			d := idx.Match(fset, file.LineStart(line), []string{sel})
			if got := d != nil; got != slices.Contains(lines, line) {
				t.Errorf("%s: covers line %d = %v, want %v", sel, line, got, !got)
			}
		}
	}
}

// TestMatchNothing checks the cheap paths: no directives, an invalid
// position.
func TestMatchNothing(t *testing.T) {
	fset, idx := index(t, "package p\n\nfunc f() {}\n")
	if d := idx.Match(fset, token.Pos(1), []string{"x"}); d != nil {
		t.Errorf("Match on a file without directives = %+v", d)
	}
	fset, idx = index(t, coverageSrc)
	if d := idx.Match(fset, token.NoPos, []string{"trailing"}); d != nil {
		t.Errorf("Match at NoPos = %+v", d)
	}
	var nilIdx *directive.Index
	if d := nilIdx.Match(fset, token.Pos(1), nil); d != nil {
		t.Errorf("Match on a nil Index = %+v", d)
	}
}

// index parses src as one file and runs the analyzer on it through a
// hand-made pass, returning its result.
func index(t *testing.T, src string) (*token.FileSet, *directive.Index) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{
		Analyzer: directive.Analyzer,
		Fset:     fset,
		Files:    []*ast.File{f},
		Report:   func(d analysis.Diagnostic) { t.Errorf("directive reported %q", d.Message) },
	}
	res, err := directive.Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	return fset, res.(*directive.Index)
}
