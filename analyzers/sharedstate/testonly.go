package sharedstate

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// testOnly reports whether fn, or a function it is nested in, can run only
// under the package's tests: it is unexported, no interface of the package
// or dynamic call could reach it, and every code that names it lies in a
// _test.go file (or none does: then it is dead in the build). Such a
// function does not run beside the program's goroutines, so its plain
// access to a field the program updates atomically is not a race of the
// program (grpc's binarylog id generator reset "for testing only").
func (c *checker) testOnly(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn.Parent() == nil && c.onlyNamedByTests(fn) {
			return true
		}
	}
	return false
}

// onlyNamedByTests is testOnly for a function declared at package level.
func (c *checker) onlyNamedByTests(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Exported() || obj.Pkg() != c.pass.Pkg || obj.Name() == "init" || obj.Name() == "main" {
		return false
	}
	if fn.Signature.Recv() != nil && c.dynamicName(obj.Name()) {
		return false
	}
	for _, site := range c.namers()[obj] {
		if !strings.HasSuffix(c.pass.Fset.Position(site.Pos()).Filename, "_test.go") &&
			!strings.HasSuffix(c.pass.Fset.Position(site.Parent().Pos()).Filename, "_test.go") {
			return false
		}
	}
	return true
}

// dynamicName reports whether a method called name may be reached through
// an interface: one of the package's interfaces has it, or some call of the
// package invokes it dynamically.
func (c *checker) dynamicName(name string) bool {
	scope := c.pass.Pkg.Scope()
	for _, n := range scope.Names() {
		if it, ok := scope.Lookup(n).Type().Underlying().(*types.Interface); ok {
			for i := 0; i < it.NumMethods(); i++ {
				if it.Method(i).Name() == name {
					return true
				}
			}
		}
	}
	return len(c.invokes()[name]) > 0
}

// namers indexes, per function object, the instructions of the package
// that name it: calls, closures, method values and expressions (their
// wrappers carry the method's object).
func (c *checker) namers() map[*types.Func][]ssa.Instruction {
	if c.named == nil {
		c.indexNamers()
	}
	return c.named
}

// invokes indexes the package's dynamic method calls by method name.
func (c *checker) invokes() map[string][]ssa.Instruction {
	if c.named == nil {
		c.indexNamers()
	}
	return c.invoked
}

func (c *checker) indexNamers() {
	c.named = map[*types.Func][]ssa.Instruction{}
	c.invoked = map[string][]ssa.Instruction{}
	res, _ := c.pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	if res == nil {
		return
	}
	var rands []*ssa.Value
	funcs := res.SrcFuncs
	if init := res.Pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init) // variable initialisers
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if call, ok := ins.(ssa.CallInstruction); ok && call.Common().IsInvoke() {
					name := call.Common().Method.Name()
					c.invoked[name] = append(c.invoked[name], ins)
				}
				for _, r := range ins.Operands(rands[:0]) {
					if r == nil {
						continue
					}
					if f, ok := (*r).(*ssa.Function); ok {
						if obj, ok := f.Object().(*types.Func); ok {
							c.named[obj] = append(c.named[obj], ins)
						}
					}
				}
			}
		}
	}
}
