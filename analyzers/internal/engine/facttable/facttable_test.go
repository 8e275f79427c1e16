package facttable

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type summary struct{ N int }

func (*summary) AFact() {}

type table struct{ Table[summary] }

func (*table) AFact() {}

func newTable() *table { return new(table) }

func check(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestRoundTrip: what one pass exports, a pass of an importing package
// reads back through gob (as the runner carries it), by object, for
// exported objects only; the exporting pass sees its unexported ones too.
func TestRoundTrip(t *testing.T) {
	const src = `package p
func F() {}
func g() {}
type T struct{}
func (T) M() {}`
	pkg := check(t, src)
	var exported analysis.Fact
	pass := &analysis.Pass{Pkg: pkg, ExportPackageFact: func(f analysis.Fact) { exported = f }}
	s := New[summary](pass, newTable)
	for i, name := range []string{"F", "g"} {
		s.Export(pkg.Scope().Lookup(name), &summary{N: i + 1})
	}
	m, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup("T").Type(), false, pkg, "M")
	s.Export(m, &summary{N: 3})
	if f, ok := s.Import(pkg.Scope().Lookup("g")); !ok || f.N != 2 {
		t.Errorf("own unexported g: got %v, %v; want {2}, true", f, ok)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(exported.(*table)); err != nil {
		t.Fatal(err)
	}
	back := newTable()
	if err := gob.NewDecoder(&buf).Decode(back); err != nil {
		t.Fatal(err)
	}

	// The importer's universe: the same package type-checked again.
	other := check(t, src)
	imp := &analysis.Pass{Pkg: types.NewPackage("q", "q"), ImportPackageFact: func(p *types.Package, f analysis.Fact) bool {
		if p != other {
			return false
		}
		*f.(*table) = *back
		return true
	}}
	r := New[summary](imp, newTable)
	om, _, _ := types.LookupFieldOrMethod(other.Scope().Lookup("T").Type(), false, other, "M")
	for _, c := range []struct {
		obj  types.Object
		want int // 0: no entry
	}{{other.Scope().Lookup("F"), 1}, {other.Scope().Lookup("g"), 0}, {om, 3}} {
		f, ok := r.Import(c.obj)
		if ok != (c.want != 0) || f.N != c.want {
			t.Errorf("%v: got %v, %v; want {%d}", c.obj, f, ok, c.want)
		}
	}
}
