package heuristics_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/heuristics"
)

var update = flag.Bool("update", false, "rewrite docs/heuristics.md")

const root = "../../../.."

// TestTable checks every entry: known rules, and fixtures on both sides
// that exist and are on the side they claim (a bad one holds a // want
// expectation inside the function, a good one none).
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, h := range heuristics.Table {
		if h.ID == "" || seen[h.ID] {
			t.Errorf("heuristic %q: empty or duplicate ID", h.ID)
		}
		seen[h.ID] = true
		if h.What == "" || h.Why == "" || h.Code == "" || len(h.Rules) == 0 {
			t.Errorf("%s: What, Why, Code and Rules are required", h.ID)
		}
		for _, r := range h.Rules {
			if _, ok := analyzers.Lookup(r); !ok {
				t.Errorf("%s: unknown rule %s", h.ID, r)
			}
		}
		if len(h.Good) == 0 || len(h.Bad) == 0 {
			t.Errorf("%s: needs fixtures on both sides", h.ID)
		}
		for _, ref := range h.Good {
			if err := checkFixture(ref, false); err != nil {
				t.Errorf("%s: good fixture %s", h.ID, err)
			}
		}
		for _, ref := range h.Bad {
			if err := checkFixture(ref, true); err != nil {
				t.Errorf("%s: bad fixture %s", h.ID, err)
			}
		}
	}
}

// checkFixture finds ref's function and whether it expects a diagnostic.
func checkFixture(ref string, wantReported bool) error {
	file, name, ok := strings.Cut(ref, "#")
	if !ok || !strings.HasPrefix(file, "testdata/src/") || !strings.Contains(file, "/good/") && !strings.Contains(file, "/bad/") {
		return fmt.Errorf("%s: want testdata/src/<family>/<rule>/{good,bad}/file.go#Func", ref)
	}
	if strings.Contains(file, "/good/") == wantReported {
		return fmt.Errorf("%s: on the wrong side", ref)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(root, file), nil, parser.ParseComments)
	if err != nil {
		return err
	}
	decl := findFunc(f, name)
	if decl == nil {
		return fmt.Errorf("%s: no function %s", ref, name)
	}
	reported := false
	for _, g := range f.Comments {
		for _, c := range g.List {
			if c.Pos() >= decl.Pos() && c.End() <= decl.End() && strings.HasPrefix(c.Text, "// want ") {
				reported = true
			}
		}
	}
	if reported != wantReported {
		return fmt.Errorf("%s: expects a diagnostic: %v, want %v", ref, reported, wantReported)
	}
	return nil
}

// findFunc finds "Func" or "Type.Method" among f's declarations.
func findFunc(f *ast.File, name string) *ast.FuncDecl {
	recv, method, isMethod := strings.Cut(name, ".")
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if !isMethod && fd.Recv == nil && fd.Name.Name == name {
			return fd
		}
		if isMethod && fd.Recv != nil && fd.Name.Name == method && recvName(fd.Recv.List[0].Type) == recv {
			return fd
		}
	}
	return nil
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

// TestDoc keeps docs/heuristics.md in step with the table.
func TestDoc(t *testing.T) {
	path := filepath.Join(root, "docs", "heuristics.md")
	want := heuristics.Markdown()
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./analyzers/internal/meta/heuristics -update", path)
	}
}
