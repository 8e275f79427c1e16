package ruletest

import (
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/scanner"

	"golang.org/x/tools/go/analysis/checker"
)

// The expectation syntax is analysistest's, so fixtures read the same to
// anyone who knows x/tools: a comment "// want "rx" `rx` name:"rx"" on a
// line expects one diagnostic per regexp on that line (or on the line
// "+N" below it), and a fact per name:"rx" on the object declared there.

// expectation is one wanted diagnostic (object == "") or fact.
type expectation struct {
	object string
	rx     *regexp.Regexp
}

// site is a line of a fixture file, named relative to testdata/src.
type site struct {
	file string
	line int
}

// checkWants reports every diagnostic and fact of act's package that no
// "// want" comment expects, and every expectation nothing matched.
func checkWants(t *testing.T, testdata string, act *checker.Action) {
	t.Helper()
	fset := act.Package.Fset
	rel := func(p token.Position) site {
		name, err := filepath.Rel(filepath.Join(testdata, "src"), p.Filename)
		if err != nil {
			name = p.Filename
		}
		return site{filepath.ToSlash(name), p.Line}
	}
	wants := map[site][]expectation{}
	for _, f := range act.Package.Syntax {
		for _, group := range f.Comments {
			for _, c := range group.List {
				text, ok := wantText(c.Text)
				if !ok {
					continue
				}
				at := rel(fset.Position(c.Pos()))
				delta, exps, err := parseWant(text)
				if err != nil {
					t.Errorf("%s:%d: bad want comment: %v", at.file, at.line, err)
					continue
				}
				at.line += delta
				wants[at] = append(wants[at], exps...)
			}
		}
	}
	match := func(at site, object, what, text string) {
		t.Helper()
		exps := wants[at]
		var tried []string
		for i, e := range exps {
			if e.object != object {
				continue
			}
			if e.rx.MatchString(text) {
				wants[at] = append(exps[:i:i], exps[i+1:]...)
				return
			}
			tried = append(tried, fmt.Sprintf("%#q", e.rx))
		}
		if tried == nil {
			t.Errorf("%s:%d: unexpected %s: %s", at.file, at.line, what, text)
		} else {
			t.Errorf("%s:%d: %s %q matches none of %s", at.file, at.line, what, text, strings.Join(tried, ", "))
		}
	}
	for _, d := range act.Diagnostics {
		match(rel(fset.Position(d.Pos)), "", "diagnostic", d.Message)
	}
	facts := objectFacts(act)
	sort.Slice(facts, func(i, j int) bool { return facts[i].Object.Pos() < facts[j].Object.Pos() })
	for _, f := range facts {
		if f.Object.Pkg() == act.Package.Types {
			match(rel(fset.Position(f.Object.Pos())), f.Object.Name(), "fact", fmt.Sprint(f.Fact))
		}
	}
	var missing []string
	for at, exps := range wants {
		for _, e := range exps {
			what := "diagnostic"
			if e.object != "" {
				what = "fact of " + e.object
			}
			missing = append(missing, fmt.Sprintf("%s:%d: no %s matching %#q", at.file, at.line, what, e.rx))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error(m)
	}
}

// wantText returns what follows "want" in a comment that is an
// expectation ("// want ...", or a comment that ends in one).
func wantText(comment string) (string, bool) {
	text := strings.TrimPrefix(comment, "//")
	if text == comment {
		text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("// "):]
	}
	return strings.CutPrefix(strings.TrimSpace(text), "want")
}

// parseWant parses an expectation list: quoted or raw regexps, name:"rx"
// facts, and an optional +N line offset.
func parseWant(text string) (delta int, exps []expectation, err error) {
	var s scanner.Scanner
	s.Init(strings.NewReader(text))
	s.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	s.Error = func(_ *scanner.Scanner, msg string) { err = fmt.Errorf("%s", msg) }
	regexpAt := func(tok rune) (*regexp.Regexp, error) {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("want a quoted regexp, got %s", scanner.TokenString(tok))
		}
		pattern, _ := strconv.Unquote(s.TokenText())
		return regexp.Compile(pattern)
	}
	for tok := s.Scan(); tok != scanner.EOF; tok = s.Scan() {
		switch tok {
		case '+':
			if s.Scan() != scanner.Int {
				return 0, nil, fmt.Errorf("want a line offset after +")
			}
			delta, _ = strconv.Atoi(s.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := regexpAt(tok)
			if err != nil {
				return 0, nil, err
			}
			exps = append(exps, expectation{rx: rx})
		case scanner.Ident:
			name := s.TokenText()
			if s.Scan() != ':' {
				return 0, nil, fmt.Errorf("want ':' after %s", name)
			}
			rx, err := regexpAt(s.Scan())
			if err != nil {
				return 0, nil, err
			}
			exps = append(exps, expectation{object: name, rx: rx})
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
	return delta, exps, err
}
