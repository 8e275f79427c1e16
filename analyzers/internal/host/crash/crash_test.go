package crash

import (
	"go/types"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type result struct{ n int }

func TestGuardRecoversIntoZeroResult(t *testing.T) {
	a := Guard(&analysis.Analyzer{
		Name:       "boom",
		ResultType: reflect.TypeOf((*result)(nil)),
		Run: func(*analysis.Pass) (any, error) {
			panic("engine bug")
		},
	})
	pkg := types.NewPackage("example.com/boom", "boom")
	got, err := a.Run(&analysis.Pass{Pkg: pkg})
	if err != nil {
		t.Fatalf("Run returned error %v, want the panic recorded instead", err)
	}
	if r, ok := got.(*result); !ok || r.n != 0 {
		t.Fatalf("Run = %#v, want a zero *result", got)
	}
	f := Failures(types.NewPackage("example.com/boom", "boom")) // another object, same path
	if len(f) != 1 || f[0].Engine != "boom" || !strings.Contains(f[0].Panic, "engine bug") || !strings.Contains(f[0].Panic, "crash_test.go:") {
		t.Fatalf("Failures = %+v, want one boom failure naming the panic and its site", f)
	}
}

func TestGuardPassesResultsThrough(t *testing.T) {
	a := Guard(&analysis.Analyzer{
		Name:       "fine",
		ResultType: reflect.TypeOf((*result)(nil)),
		Run:        func(*analysis.Pass) (any, error) { return &result{7}, nil },
	})
	pkg := types.NewPackage("example.com/fine", "fine")
	got, err := a.Run(&analysis.Pass{Pkg: pkg})
	if err != nil || got.(*result).n != 7 {
		t.Fatalf("Run = %v, %v; want the engine's own result", got, err)
	}
	if f := Failures(pkg); len(f) != 0 {
		t.Fatalf("Failures = %+v, want none", f)
	}
}
