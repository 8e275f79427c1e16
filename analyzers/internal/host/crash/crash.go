// Package crash keeps a panic inside reviewlint's own code from taking the
// run down: it is recovered, named (engine, package, panic site) and
// reported, so one bad function costs one package's findings, not the
// whole run.
package crash

import (
	"fmt"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Site is the innermost frame of the panicking goroutine outside the
// runtime, for the report. Call it from the deferred function that
// recovered.
func Site() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s:%d", f.File, f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}

// Guard makes a fact-computing engine (an analyzer that reports nothing)
// survive its own panics: the panic is recorded against the package (see
// Failures), the engine's result is its zero value and it exports no
// further facts. Its dependents then run on what is there, and the
// reporting analyzers say that their findings on the package are
// incomplete. The host's runner would otherwise crash, or drop the
// package's findings without a word. Guard modifies and returns a.
func Guard(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				record(pass.Pkg, a.Name, fmt.Sprintf("%v at %s", r, Site()))
				result, err = zero(a.ResultType), nil
			}
		}()
		if forced(a.Name, pass.Pkg.Path()) {
			panic("forced by REVIEWLINT_TEST_PANIC")
		}
		return run(pass)
	}
	return a
}

// Failure is one engine panic on one package.
type Failure struct {
	Engine string
	Panic  string // the value and where it was raised
}

// failures maps a package path to its Failures. By path, not by
// *types.Package: a dependency's package object differs between its own
// pass and its importers' (each is type-checked on its own).
var (
	mu       sync.Mutex
	failures = map[string][]Failure{}
)

func record(pkg *types.Package, engine, panic string) {
	mu.Lock()
	defer mu.Unlock()
	failures[pkg.Path()] = append(failures[pkg.Path()], Failure{engine, panic})
}

// Failures returns the engines that panicked on pkg in this process.
func Failures(pkg *types.Package) []Failure {
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(failures[pkg.Path()])
}

// zero is the zero result of type t: a pointer to a zero value for
// pointer types.
func zero(t reflect.Type) any {
	if t == nil {
		return nil
	}
	if t.Kind() == reflect.Pointer {
		return reflect.New(t.Elem()).Interface()
	}
	return reflect.Zero(t).Interface()
}

// forced reports whether REVIEWLINT_TEST_PANIC ("engine:package path")
// asks this engine to panic on this package: how tests reach the
// recovery without a real bug.
func forced(engine, pkg string) bool {
	v := os.Getenv("REVIEWLINT_TEST_PANIC")
	return v != "" && v == engine+":"+pkg
}
