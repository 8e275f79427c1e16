package ruletest

import (
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
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

// expectation is one wanted diagnostic (object == "") or fact. In a
// pending fixture (pending.go), now marks the diagnostic the analyzer
// reports today, where it differs from the wanted one.
type expectation struct {
	object string
	rx     *regexp.Regexp
	now    bool
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
	rel := relSite(testdata, act)
	wants := collectWants(t, rel, act, false)
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
		match(rel(d.Pos), "", "diagnostic", d.Message)
	}
	checkFactWants(act, rel, match)
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

// relSite returns the function naming a position of act's package as a
// fixture line relative to testdata/src.
func relSite(testdata string, act *checker.Action) func(token.Pos) site {
	fset := act.Package.Fset
	return func(pos token.Pos) site {
		p := fset.Position(pos)
		name, err := filepath.Rel(filepath.Join(testdata, "src"), p.Filename)
		if err != nil {
			name = p.Filename
		}
		return site{filepath.ToSlash(name), p.Line}
	}
}

// collectWants parses the expectation comments of act's package; "now"
// comments count only in a pending fixture.
func collectWants(t *testing.T, rel func(token.Pos) site, act *checker.Action, pending bool) map[site][]expectation {
	t.Helper()
	wants := map[site][]expectation{}
	for _, f := range act.Package.Syntax {
		for _, group := range f.Comments {
			for _, c := range group.List {
				text, ok := wantText(c.Text)
				if !ok && pending {
					text, ok = nowText(c.Text)
				}
				if !ok {
					continue
				}
				at := rel(c.Pos())
				delta, exps, err := parseWant(text)
				if err == nil && !pending && slices.ContainsFunc(exps, func(e expectation) bool { return e.now }) {
					err = fmt.Errorf("now expectations belong in pending fixtures only")
				}
				if err != nil {
					t.Errorf("%s:%d: bad want comment: %v", at.file, at.line, err)
					continue
				}
				at.line += delta
				wants[at] = append(wants[at], exps...)
			}
		}
	}
	return wants
}

// checkFactWants matches the facts exported for act's own objects.
func checkFactWants(act *checker.Action, rel func(token.Pos) site, match func(at site, object, what, text string)) {
	facts := objectFacts(act)
	sort.Slice(facts, func(i, j int) bool { return facts[i].Object.Pos() < facts[j].Object.Pos() })
	for _, f := range facts {
		if f.Object.Pkg() == act.Package.Types {
			match(rel(f.Object.Pos()), f.Object.Name(), "fact", fmt.Sprint(f.Fact))
		}
	}
}

// wantText returns what follows "want" in a comment that is an
// expectation ("// want ...", or a comment that ends in one).
func wantText(comment string) (string, bool) {
	return keywordText(comment, "want")
}

// nowText is wantText for a pending fixture's "// now ..." comment, whose
// expectations are all of today's output.
func nowText(comment string) (string, bool) {
	text, ok := keywordText(comment, "now")
	return " now " + text, ok
}

// keywordText returns what follows keyword in a comment that is, or ends
// in, "// keyword ...".
func keywordText(comment, keyword string) (string, bool) {
	text := strings.TrimPrefix(comment, "//")
	if text == comment {
		text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
	}
	if i := strings.Index(text, "// "+keyword); i >= 0 {
		text = text[i+len("// "):]
	}
	return strings.CutPrefix(strings.TrimSpace(text), keyword)
}

// parseWant parses an expectation list: quoted or raw regexps, name:"rx"
// facts, and an optional +N line offset; after the word now, the regexps
// are today's output of a pending fixture ("want `a` now `b`").
func parseWant(text string) (delta int, exps []expectation, err error) {
	now := false
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
			exps = append(exps, expectation{rx: rx, now: now})
		case scanner.Ident:
			name := s.TokenText()
			if name == "now" {
				now = true
				continue
			}
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
