package funcpath

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func TestParseSpellingsAgree(t *testing.T) {
	want := Path{Pkg: "example.com/m/log", Recv: "Logger", Name: "Errorf"}
	for _, s := range []string{
		"(*example.com/m/log.Logger).Errorf",
		"(example.com/m/log.Logger).Errorf",
		"example.com/m/log.Logger.Errorf",
	} {
		n, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		found := false
		for _, p := range n.Paths {
			found = found || p == want
		}
		if !found {
			t.Errorf("Parse(%q) = %v, want it to include %v", s, n.Paths, want)
		}
	}
	if got := want.String(); got != "(example.com/m/log.Logger).Errorf" {
		t.Errorf("canonical form %q", got)
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{
		"", "Errorf", "log.", ".Errorf", "example.com/m/log", "(*log.Logger.Errorf",
		"(*log.Logger)", "(*log.Logger).", "log.Logger.Errorf()", "log Errorf",
		"(*Logger).Errorf", "example.com//log.Errorf", "log.Err-orf", "*log.Logger.Errorf",
	} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		} else if !strings.Contains(err.Error(), "is not a function path") {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
}

// TestParseStackTraceSpelling: the spelling of a stack trace or pprof,
// pkg.(*T).M, is rejected with the spelling to write instead.
func TestParseStackTraceSpelling(t *testing.T) {
	for s, want := range map[string]string{
		"example.com/m/log.(*Logger).Errorf": "write (*example.com/m/log.Logger).Errorf",
		"example.com/m/log.(Logger).Errorf":  "write (example.com/m/log.Logger).Errorf",
	} {
		_, err := Parse(s)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want %q", s, err, want)
		}
	}
}

func TestParseAmbiguous(t *testing.T) {
	n, err := Parse("gopkg.in/yaml.v3.Marshal")
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Paths) != 2 || n.Paths[0] != (Path{Pkg: "gopkg.in/yaml.v3", Name: "Marshal"}) {
		t.Errorf("Paths = %v", n.Paths)
	}
}

const src = `package log

type Logger struct{}

func (*Logger) Errorf(string, ...any) {}

func (Logger) Print(...any) {}

type Gen[T any] struct{}

func (*Gen[T]) Log(T) {}

func Errorf(string, ...any) {}

var _ = (*Gen[int]).Log
`

func TestMatches(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "log.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/m/log", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup(typ).Type()), true, pkg, name)
		return obj.(*types.Func)
	}
	var instantiated *types.Func
	for _, sel := range info.Selections {
		instantiated = sel.Obj().(*types.Func) // (*Gen[int]).Log
	}
	for _, c := range []struct {
		name string
		fn   *types.Func
		want bool
	}{
		{"(*example.com/m/log.Logger).Errorf", method("Logger", "Errorf"), true},
		{"example.com/m/log.Logger.Errorf", method("Logger", "Errorf"), true},
		{"(example.com/m/log.Logger).Print", method("Logger", "Print"), true},
		{"(*example.com/m/log.Logger).Print", method("Logger", "Print"), true},
		{"example.com/m/log.Errorf", pkg.Scope().Lookup("Errorf").(*types.Func), true},
		{"example.com/m/log.Errorf", method("Logger", "Errorf"), false},
		{"(*example.com/m/log.Gen).Log", method("Gen", "Log"), true},
		{"example.com/m/log.Gen.Log", instantiated, true},
		{"example.com/other.Logger.Errorf", method("Logger", "Errorf"), false},
	} {
		n, err := Parse(c.name)
		if err != nil {
			t.Fatal(err)
		}
		if got := n.Matches(c.fn); got != c.want {
			t.Errorf("%s matches %s: %v, want %v", c.name, c.fn.FullName(), got, c.want)
		}
		if got := Compile([]string{c.name}).Has(c.fn); got != c.want {
			t.Errorf("Compile(%s).Has(%s): %v, want %v", c.name, c.fn.FullName(), got, c.want)
		}
	}
}
