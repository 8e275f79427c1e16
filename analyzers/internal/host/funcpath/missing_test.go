package funcpath

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

const mylogSrc = `package mylog

type Logger struct{ embedded }

type embedded struct{}

func (embedded) Infof(string, ...any) {}

func (*Logger) Errorf(string, ...any) {}

func (*Logger) errorf(string, ...any) {}

type Sink interface{ Write(string) }

func Errorf(string, ...any) {}

var Printf = func(string, ...any) {}
`

// TestMissing: a name is missing only when its loaded package has no such
// function or method, whatever its spelling, and unknown when the package
// is not loaded or known by export data and the name is unexported.
func TestMissing(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "mylog.go", mylogSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/mylog", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		complete bool
		want     string
	}{
		{"example.com/mylog.Errorf", true, ""},
		{"(*example.com/mylog.Logger).Errorf", true, ""},
		{"(example.com/mylog.Logger).Errorf", true, ""},
		{"example.com/mylog.Logger.Errorf", true, ""},
		{"(*example.com/mylog.Logger).Infof", true, ""}, // promoted
		{"(example.com/mylog.Sink).Write", true, ""},    // an interface's method
		{"example.com/mylog.Logf", true, "example.com/mylog.Logf: no such function in package example.com/mylog"},
		{"example.com/mylog.Printf", true, "example.com/mylog.Printf: no such function in package example.com/mylog"}, // a variable
		{"(*example.com/mylog.Logger).Warnf", true, "(*example.com/mylog.Logger).Warnf: type Logger has no method Warnf"},
		{"(example.com/mylog.Sink).Errorf", true, "(example.com/mylog.Sink).Errorf: type Sink has no method Errorf"},
		{"(example.com/mylog.Source).Errorf", true, "(example.com/mylog.Source).Errorf: no type Source in package example.com/mylog"},
		{"example.com/mylog.Logger.Warnf", true, "example.com/mylog.Logger.Warnf: no such function or method"},
		{"example.com/mylog.logf", true, "example.com/mylog.logf: no such function in package example.com/mylog"},
		{"example.com/mylog.logf", false, ""},             // export data may leave it out
		{"(*example.com/mylog.Logger).errorf", false, ""}, // likewise
		{"example.com/mylog.Logf", false, "example.com/mylog.Logf: no such function in package example.com/mylog"},
		{"example.com/other.Logf", true, ""}, // not loaded
	} {
		n, err := Parse(c.name)
		if err != nil {
			t.Fatal(err)
		}
		find := func(path string) (*types.Package, bool) {
			if path == pkg.Path() {
				return pkg, c.complete
			}
			return nil, false
		}
		got := ""
		if err := n.Missing(find); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s (complete %v): Missing = %q, want %q", c.name, c.complete, got, c.want)
		}
	}
}
