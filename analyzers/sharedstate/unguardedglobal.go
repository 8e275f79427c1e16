package sharedstate

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// concurrentCtx is why a function runs concurrently with other code.
type concurrentCtx struct {
	desc string
	// handler: many instances run at once, so a write races with itself.
	handler bool
	// inLoop: the go statement starts several instances.
	inLoop bool
	// owners are the functions of the goroutine (the started function and
	// the helpers it calls into); spawns are the go statements.
	owners []*ssa.Function
	spawns []goSite
}

// goSite is a go statement: instruction idx of block b.
type goSite struct {
	b   *ssa.BasicBlock
	idx int
}

// unguardedGlobals reports package-level maps, slices and counters
// written without a lock in code that runs concurrently: a function
// started by a go statement of the package, or an HTTP handler.
func (c *checker) unguardedGlobals() {
	ctxs := c.concurrentFuncs()
	if len(ctxs) == 0 {
		return
	}
	users := c.globalUsers()
	for _, f := range c.locks.Funcs {
		ctx, ok := ctxs[f.Fn]
		if !ok {
			continue
		}
		reported := map[*ssa.Global]bool{}
		f.Walk(func(ins ssa.Instruction, s *locks.State) {
			g, kind, ok := c.globalWrite(ins)
			if !ok || reported[g] || len(s.Held()) > 0 {
				return
			}
			if !ctx.handler && !ctx.inLoop && !c.usedConcurrently(g, users[g], ctx) {
				return // one goroutine owns it
			}
			reported[g] = true
			msg := fmt.Sprintf("package-level %s %s is written %s without a lock, sync/atomic or sync.Once: %s; guard it with a mutex, use an atomic, or confine it to one goroutine",
				kind, g.Name(), ctx.desc, raceEffect[kind])
			c.pass.Report(c.pos.diagnostic(RuleUnguardedGlobal, ins.Pos(), msg))
		})
	}
}

// raceEffect says what a race does to each kind of global.
var raceEffect = map[string]string{
	"map":     "concurrent map writes crash the program",
	"slice":   "concurrent appends lose elements or corrupt the slice",
	"counter": "concurrent updates are lost",
}

// concurrentFuncs finds the package's functions started with go and its
// HTTP handlers.
func (c *checker) concurrentFuncs() map[*ssa.Function]concurrentCtx {
	out := map[*ssa.Function]concurrentCtx{}
	for _, f := range c.locks.Funcs {
		if isHTTPHandler(f.Fn) {
			out[f.Fn] = concurrentCtx{desc: "in the HTTP handler " + handlerName(f.Fn) + ", which runs concurrently for each request", handler: true}
		}
	}
	for _, f := range c.locks.Funcs {
		for _, b := range f.Fn.Blocks {
			for i, ins := range b.Instrs {
				g, ok := ins.(*ssa.Go)
				if !ok {
					continue
				}
				fn := goTarget(g)
				if fn == nil || fn.Pkg != f.Fn.Pkg {
					continue
				}
				prev, seen := out[fn]
				if seen && prev.handler {
					continue
				}
				out[fn] = concurrentCtx{
					desc:   fmt.Sprintf("in the goroutine started at line %d", c.line(g.Pos())),
					inLoop: flow.InCycle(b) || seen,
					owners: []*ssa.Function{fn},
					spawns: append(prev.spawns, goSite{b, i}),
				}
			}
		}
	}
	c.intoCallees(out)
	return out
}

// intoCallees extends each concurrent context to the package's functions
// it calls with no lock held, two calls deep.
func (c *checker) intoCallees(ctxs map[*ssa.Function]concurrentCtx) {
	for range 2 {
		for _, f := range c.locks.Funcs {
			ctx, ok := ctxs[f.Fn]
			if !ok {
				continue
			}
			for _, call := range f.Calls {
				if _, done := ctxs[call.Callee]; done || len(call.Held) > 0 || isInit(call.Callee) {
					continue
				}
				sub := ctx
				sub.desc = fmt.Sprintf("in %s, called at line %d from %s", call.Callee.Name(), c.line(call.Call.Pos()), strings.TrimPrefix(ctx.desc, "in "))
				sub.owners = append(append([]*ssa.Function{}, ctx.owners...), call.Callee)
				ctxs[call.Callee] = sub
			}
		}
	}
}

// goTarget is the function a go statement starts, if static.
func goTarget(g *ssa.Go) *ssa.Function {
	switch v := g.Call.Value.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		return fn
	}
	return nil
}

// isHTTPHandler reports whether fn has the (http.ResponseWriter,
// *http.Request) parameters of a handler.
func isHTTPHandler(fn *ssa.Function) bool {
	sig := fn.Signature
	if sig.Params().Len() != 2 {
		return false
	}
	return isNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		isNamed(derefType(sig.Params().At(1).Type()), "net/http", "Request") &&
		isPointer(sig.Params().At(1).Type())
}

func handlerName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "closure in " + fn.Parent().Name()
	}
	return fn.Name()
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// globalWrite recognises a write to a package-level variable of this
// package: a map update or delete, an append assigned back, a counter
// incremented from its own value. It returns the global and its kind.
func (c *checker) globalWrite(ins ssa.Instruction) (*ssa.Global, string, bool) {
	switch ins := ins.(type) {
	case *ssa.MapUpdate:
		if g := c.loadedGlobal(ins.Map); g != nil {
			return g, "map", true
		}
	case *ssa.Call:
		if b, ok := ins.Call.Value.(*ssa.Builtin); ok && b.Name() == "delete" {
			if g := c.loadedGlobal(ins.Call.Args[0]); g != nil {
				return g, "map", true
			}
		}
	case *ssa.Store:
		g, ok := ins.Addr.(*ssa.Global)
		if !ok || g.Pkg != c.pkgSSA() {
			return nil, "", false
		}
		if call, ok := ins.Val.(*ssa.Call); ok {
			if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && c.loadedGlobal(call.Call.Args[0]) == g {
				return g, "slice", true
			}
		}
		if bin, ok := ins.Val.(*ssa.BinOp); ok && (bin.Op == token.ADD || bin.Op == token.SUB) && isInteger(bin.Type()) {
			if c.loadedGlobal(bin.X) == g || c.loadedGlobal(bin.Y) == g {
				return g, "counter", true
			}
		}
	}
	return nil, "", false
}

// loadedGlobal returns the package's global v was loaded from.
func (c *checker) loadedGlobal(v ssa.Value) *ssa.Global {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil
	}
	g, ok := u.X.(*ssa.Global)
	if !ok || g.Pkg != c.pkgSSA() {
		return nil
	}
	return g
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// globalUsers maps each global to the functions (init aside) that use it.
func (c *checker) globalUsers() map[*ssa.Global][]*ssa.Function {
	out := map[*ssa.Global][]*ssa.Function{}
	var ops []*ssa.Value
	for _, f := range c.locks.Funcs {
		if isInit(f.Fn) {
			continue
		}
		seen := map[*ssa.Global]bool{}
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				ops = ins.Operands(ops[:0])
				for _, op := range ops {
					if g, ok := (*op).(*ssa.Global); ok && !seen[g] {
						seen[g] = true
						out[g] = append(out[g], f.Fn)
					}
				}
			}
		}
	}
	return out
}

// isInit reports whether fn is a package initialiser (or a closure of one).
func isInit(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn.Signature.Recv() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
}

// usedConcurrently reports whether g is used outside the goroutine while
// it may run: by a function other than the goroutine's and its spawner's,
// or by the spawner after the go statement with no Wait or receive first.
func (c *checker) usedConcurrently(g *ssa.Global, users []*ssa.Function, ctx concurrentCtx) bool {
	spawners := map[*ssa.Function]bool{}
	for _, s := range ctx.spawns {
		spawners[s.b.Parent()] = true
	}
	for _, u := range users {
		if !slices.Contains(ctx.owners, u) && !spawners[u] {
			return true
		}
	}
	for _, s := range ctx.spawns {
		found := false
		var ops []*ssa.Value
		c.walkUnordered(s.b, s.idx, func(ins ssa.Instruction) bool {
			ops = ins.Operands(ops[:0])
			for _, op := range ops {
				if *op == ssa.Value(g) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
