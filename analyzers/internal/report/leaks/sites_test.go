package leaks_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// siteOf parses body as the statements of a function and returns the
// site of the call whose callee reads callee, with the file set and the
// source, so a test can name positions by their text.
func siteOf(t *testing.T, body, callee string) (*leaks.Site, *token.FileSet, string) {
	t.Helper()
	src := "package p\n\nfunc f() {\n" + body + "\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	sites := leaks.IndexSites(fset, inspector.New([]*ast.File{f}))
	var site *leaks.Site
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && types.ExprString(call.Fun) == callee {
			site = sites.At(call.Lparen)
		}
		return true
	})
	if site == nil {
		t.Fatalf("no call of %s in %q", callee, body)
	}
	return site, fset, src
}

// TestSites checks the syntax read around an acquiring call: the names
// of its results, whether it is in a loop, and where a deferred release
// goes.
func TestSites(t *testing.T) {
	for _, tc := range []struct {
		name, body, callee string
		result             int // the result whose name is asked
		returnsError       bool
		wantName           string
		wantLoop           bool
		wantAt             string // "line:what follows on it", "" for nowhere
	}{
		{"after the error check", "f, err := os.Open(p)\nif err != nil {\n\treturn err\n}\nuse(f)", "os.Open", 0, true, "f", false, "4:"},
		{"after the check and its comment", "f, err := os.Open(p)\nif err != nil {\n\treturn err\n} // opened\nuse(f)", "os.Open", 0, true, "f", false, "4:"},
		{"the error's name", "f, err := os.Open(p)", "os.Open", 1, true, "err", false, ""},
		{"no error result: after the comment", "t := time.NewTicker(d) // ticks\nuse(t)", "time.NewTicker", 0, false, "t", false, "1:"},
		{"a blank error: nothing to check", "f, _ := os.Open(p)\nuse(f)", "os.Open", 0, true, "f", false, "1:"},
		{"var declaration", "var f, err = os.Open(p)\nif err != nil {\n\treturn err\n}", "os.Open", 0, true, "f", false, "4:"},
		{"check with an else", "f, err := os.Open(p)\nif err != nil {\n\treturn err\n} else {\n\tuse(f)\n}", "os.Open", 0, true, "f", false, ""},
		{"check of another error", "f, err := os.Open(p)\nif err2 != nil {\n\treturn err2\n}", "os.Open", 0, true, "f", false, ""},
		{"check the other way round", "f, err := os.Open(p)\nif err == nil {\n\tuse(f)\n}", "os.Open", 0, true, "f", false, ""},
		{"check not right after", "f, err := os.Open(p)\nuse(f)\nif err != nil {\n\treturn err\n}", "os.Open", 0, true, "f", false, ""},
		{"last statement of the block", "f, err := os.Open(p)", "os.Open", 0, true, "f", false, ""},
		{"a field is not a name", "s.f, err = os.Open(p)", "os.Open", 0, true, "", false, ""},
		{"two calls assigned: no statement", "f, g := os.Open(p), os.Open(q)", "os.Open", 0, true, "", false, ""},
		{"an argument of another call", "use(os.Open(p))", "os.Open", 0, true, "", false, ""},
		{"receiver", "err := s.cmd.Start()", "s.cmd.Start", lifetime.Receiver, true, "s.cmd", false, "1:"},
		{"receiver of a call value", "err := newCmd().Start()", "newCmd().Start", lifetime.Receiver, true, "newCmd()", false, "1:"},
		{"in a range loop", "for _, p := range ps {\n\tf := os.NewFile(0, p)\n\tuse(f)\n}", "os.NewFile", 0, false, "f", true, "2:"},
		{"in a for loop's nested block", "for {\n\tif ok {\n\t\tf := os.NewFile(0, p)\n\t\tuse(f)\n\t}\n}", "os.NewFile", 0, false, "f", true, "3:"},
		{"in a closure in a loop: not in its loop", "for {\n\tgo func() {\n\t\tf := os.NewFile(0, p)\n\t\tuse(f)\n\t}()\n}", "os.NewFile", 0, false, "f", false, "3:"},
		{"a loop in the closure", "go func() {\n\tfor {\n\t\tf := os.NewFile(0, p)\n\t\tuse(f)\n\t}\n}()", "os.NewFile", 0, false, "f", true, "3:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site, fset, src := siteOf(t, tc.body, tc.callee)
			if got := site.Name(tc.result); got != tc.wantName {
				t.Errorf("Name(%d) = %q, want %q", tc.result, got, tc.wantName)
			}
			if site.InLoop != tc.wantLoop {
				t.Errorf("InLoop = %v, want %v", site.InLoop, tc.wantLoop)
			}
			got := ""
			if pos, ok := site.InsertionPoint(tc.returnsError); ok {
				// the body's line, and what follows on it
				p := fset.Position(pos)
				rest, _, _ := strings.Cut(src[p.Offset:], "\n")
				got = fmt.Sprintf("%d:%s", p.Line-3, rest)
			}
			if got != tc.wantAt {
				t.Errorf("InsertionPoint(%v) at %q, want %q", tc.returnsError, got, tc.wantAt)
			}
		})
	}
}

// TestFirstLeak checks which leaking path a message names: a return over
// a loop back-edge, and the earliest of several returns.
func TestFirstLeak(t *testing.T) {
	ret := &ssa.Return{}
	loop := lifetime.Leak{Pos: 5}
	early, late := lifetime.Leak{Exit: ret, Pos: 10}, lifetime.Leak{Exit: ret, Pos: 20}
	for _, tc := range []struct {
		leaks []lifetime.Leak
		want  token.Pos
	}{
		{[]lifetime.Leak{loop}, 5},
		{[]lifetime.Leak{loop, late}, 20},
		{[]lifetime.Leak{late, loop}, 20},
		{[]lifetime.Leak{late, early, loop}, 10},
	} {
		if got := leaks.FirstLeak(tc.leaks).Pos; got != tc.want {
			t.Errorf("FirstLeak(%v) is at %d, want %d", tc.leaks, got, tc.want)
		}
	}
}

// TestEndOfLine checks that an insertion point moves past the rest of
// its line, and stays put on the last line (no newline to land on).
func TestEndOfLine(t *testing.T) {
	src := "package p // one\nvar x = 1"
	fset := token.NewFileSet()
	f := fset.AddFile("p.go", -1, len(src))
	f.SetLinesForContent([]byte(src))
	if got, want := fset.Position(leaks.EndOfLine(fset, f.Pos(2))).Offset, strings.Index(src, "\n"); got != want {
		t.Errorf("EndOfLine on line 1 at offset %d, want %d", got, want)
	}
	last := f.Pos(len(src) - 1)
	if got := leaks.EndOfLine(fset, last); got != last {
		t.Errorf("EndOfLine on the last line moved to %d, want %d", got, last)
	}
}
