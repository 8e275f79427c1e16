package flow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// buildFunc builds the SSA of function name in src.
func buildFunc(t *testing.T, src, name string) *ssa.Function {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Func(name)
}

// TestNilCompared checks which operand a comparison compares with nil,
// in the order the comparisons are written.
func TestNilCompared(t *testing.T) {
	fn := buildFunc(t, `package p
func use(bool) {}
func f(e, g error, n int, p *int) {
	use(e == nil)
	use(nil != g)
	use(e == g)
	use(n < 3)
	use(p == nil)
}`, "f")
	var got []string
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if cmp, ok := ins.(*ssa.BinOp); ok {
				v := flow.NilCompared(cmp)
				switch {
				case v == nil:
					got = append(got, "none")
				default:
					got = append(got, v.Name())
				}
			}
		}
	}
	want := []string{"e", "g", "none", "none", "p"}
	if len(got) != len(want) {
		t.Fatalf("NilCompared over the comparisons = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("comparison %d: NilCompared = %s, want %s", i, got[i], want[i])
		}
	}
}

// TestMemoryRoot checks what a store's address points into, through
// field and element addresses.
func TestMemoryRoot(t *testing.T) {
	fn := buildFunc(t, `package p
type T struct {
	a [2]struct{ b int }
	s []int
}
var g T
func f(x *T) {
	x.a[1].b = 1
	g.a[0].b = 2
	x.s[0] = 3
}`, "f")
	var got []string
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if st, ok := ins.(*ssa.Store); ok {
				switch r := flow.MemoryRoot(st.Addr).(type) {
				case *ssa.Parameter:
					got = append(got, "param "+r.Name())
				case *ssa.Global:
					got = append(got, "global "+r.Name())
				case *ssa.UnOp:
					got = append(got, "load")
				default:
					got = append(got, r.String())
				}
			}
		}
	}
	// x.s[0] indexes a slice loaded from x.s: its root is that load.
	want := []string{"param x", "global g", "load"}
	if len(got) != len(want) {
		t.Fatalf("MemoryRoot of the stores = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("store %d: MemoryRoot = %s, want %s", i, got[i], want[i])
		}
	}
}
