package errorlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// flatInfo says where an error's cause may have been flattened: the
// fmt.Errorf's "file.go:12", its package, and its position when it is in
// this package.
type flatInfo struct {
	at, pkg string
	origin  token.Pos
}

// flattened returns where fn's error result may carry a cause flattened
// by fmt.Errorf with %v, or a zero flatInfo.
func (s *logging) flattened(fn *ssa.Function, res int) flatInfo {
	rets := returns(fn)
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			if fi := s.flatOrigin(call); fi.at != "" && returnsTainted(rets, res, errorValue(call)) {
				return fi
			}
		}
	}
	return flatInfo{}
}

// flatOrigin says whether call's error may carry a flattened cause: it
// is a flattening fmt.Errorf of this package, or a call of a function
// whose contract says so.
func (s *logging) flatOrigin(call *ssa.Call) flatInfo {
	if site, ok := s.sites[call.Pos()]; ok && call.Pos().IsValid() {
		p := s.pass.Fset.Position(call.Pos())
		return flatInfo{at: fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line), pkg: s.causePkg(call, site.i), origin: call.Pos()}
	}
	k := s.contract(call.Common())
	if k.Flattened == "" {
		return flatInfo{}
	}
	fi := flatInfo{at: k.Flattened, pkg: k.FlatPkg}
	if fn := call.Call.StaticCallee(); fn != nil {
		fi.origin = s.flatAt[fn]
	}
	return fi
}

// causePkg returns the package whose code made the error that the
// fmt.Errorf call flattens as its operand i: the package of the function
// that returned it, when that is a static call; else this package. Only
// that package (and what it imports) can be the cause an inspection looks
// for: strconv's error is never nats' ErrKeyDeleted (nats.go's jsm.go).
func (s *logging) causePkg(errorf *ssa.Call, i int) string {
	v := variadicArg(errorf.Common(), i)
	if v != nil {
		if call, _ := errorOrigin(v); call != nil && !call.IsInvoke() {
			if f := call.StaticCallee(); f != nil && f.Pkg != nil {
				return f.Pkg.Pkg.Path()
			}
		}
	}
	return s.pass.Pkg.Path()
}

// variadicArg returns the value passed as the i-th element of a call's
// ...any slice, unwrapped from its interface, or nil.
func variadicArg(call *ssa.CallCommon, i int) ssa.Value {
	if len(call.Args) == 0 {
		return nil
	}
	sl, ok := call.Args[len(call.Args)-1].(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		if k, ok := ia.Index.(*ssa.Const); !ok || k.Int64() != int64(i) {
			continue
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				switch x := st.Val.(type) {
				case *ssa.MakeInterface:
					return x.X
				case *ssa.ChangeInterface:
					return x.X
				}
				return st.Val
			}
		}
	}
	return nil
}

// returnsTainted reports whether a return's result res is computed from
// the seeds.
func returnsTainted(rets []*ssa.Return, res int, seeds []ssa.Value) bool {
	if len(seeds) == 0 {
		return false
	}
	tainted := taintedFrom(seeds...)
	for _, r := range rets {
		if len(r.Results) > res && tainted[returned(r, res)] {
			return true
		}
	}
	return false
}

// checkInspected reports an inspection of an error's chain (errors.Is,
// errors.As) whose value may
// carry a cause that fmt.Errorf flattened with %v in this package.
func (c *checker) checkInspected(fn *ssa.Function, reported map[token.Pos]bool) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			fi := c.logs.flatOrigin(call)
			if fi.at == "" {
				continue
			}
			if _, local := c.logs.sites[fi.origin]; !local {
				continue
			}
			insp, how, target := c.inspection(fn, taintedFrom(errorValue(call)...), fi.pkg)
			if insp == nil {
				continue
			}
			c.reportFlattened(fi, insp, how, target, reported)
		}
	}
}

// reportFlattened reports one flattened cause found inspected at insp,
// at the fmt.Errorf. A fmt.Errorf of another package is not reported:
// on the corpus those were a dependency's (net/http, go-ini) flattening
// an error of another kind than the one inspected, which the analysed
// code cannot change anyway.
func (c *checker) reportFlattened(fi flatInfo, insp ssa.Instruction, how string, target types.Object, reported map[token.Pos]bool) {
	site, ok := c.logs.sites[fi.origin]
	if !ok || reported[fi.origin] || c.excludedBefore(site, target) {
		return
	}
	reported[fi.origin] = true
	c.reportWrapVerb(site, how, insp.Pos())
}

// excludedBefore reports whether the fmt.Errorf sits in a branch taken
// only when its operand is not the inspected target (if err !=
// ErrNothingNew { err = fmt.Errorf("...: %v", err) }, hashicorp/raft):
// the cause that is looked for is kept as it is.
func (c *checker) excludedBefore(site flatSite, target types.Object) bool {
	id, ok := ast.Unparen(site.arg).(*ast.Ident)
	f := c.fileOf(site.call.Pos())
	if !ok || target == nil || f == nil {
		return false
	}
	operand := c.pass.TypesInfo.Uses[id]
	path, _ := astutil.PathEnclosingInterval(f, site.call.Pos(), site.call.End())
	for i, n := range path {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || i == 0 || path[i-1] != ast.Node(ifs.Body) {
			continue
		}
		bin, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || bin.Op != token.NEQ {
			continue
		}
		if c.refersTo(bin.X, operand) && c.refersTo(bin.Y, target) || c.refersTo(bin.Y, operand) && c.refersTo(bin.X, target) {
			return true
		}
	}
	return false
}

// refersTo reports whether e names obj (x or pkg.X).
func (c *checker) refersTo(e ast.Expr, obj types.Object) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return obj != nil && c.pass.TypesInfo.Uses[e] == obj
	case *ast.SelectorExpr:
		return obj != nil && c.pass.TypesInfo.Uses[e.Sel] == obj
	}
	return false
}

// inspection returns the first errors.Is or errors.As of fn that looks
// into a tainted error's chain. A comparison (err == io.EOF) or a type
// assertion sees only the outermost error, which wrapping with %w
// replaces just as %v does: they do not count. An inspection for an error value or
// type that the flattening package cannot produce (it neither is nor
// imports the package that declares it: etcd's sentinels are not in
// protobuf's errors) does not count.
func (c *checker) inspection(fn *ssa.Function, tainted map[ssa.Value]bool, flatPkg string) (ssa.Instruction, string, types.Object) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			var target types.Object
			how := ""
			switch ins := ins.(type) {
			case *ssa.Call:
				f := flow.CalleeFunc(ins.Common())
				if f != nil && f.Pkg() != nil && f.Pkg().Path() == "errors" && (f.Name() == "Is" || f.Name() == "As") &&
					len(ins.Call.Args) == 2 && tainted[ins.Call.Args[0]] && !isNilTarget(ins.Call.Args[1]) {
					how, target = "errors."+f.Name(), targetObject(ins.Call.Args[1], f.Name() == "As")
				}
			}
			if how != "" && c.canCarry(flatPkg, target) {
				return ins, how, target
			}
		}
	}
	return nil, "", nil
}

// targetObject returns what an inspection looks for: the package-level
// variable of a sentinel (io.EOF), or the named type of an errors.As
// target; nil when unknown.
func targetObject(v ssa.Value, as bool) types.Object {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		v = x.X
	case *ssa.ChangeInterface:
		v = x.X // a sentinel of an interface type (nats.go's ErrMsgNotFound)
	}
	if as {
		if p, ok := v.Type().Underlying().(*types.Pointer); ok {
			return namedObject(p.Elem())
		}
		return nil
	}
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok {
			return g.Object()
		}
	}
	return namedObject(v.Type())
}

// namedObject returns the type name of t or of what t points to, when it
// is a named type of a package.
func namedObject(t types.Type) types.Object {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj()
	}
	return nil
}

// canCarry reports whether code of package flatPkg can produce target:
// it is target's package or imports it, directly or not. An unknown
// target or package can be anything.
func (c *checker) canCarry(flatPkg string, target types.Object) bool {
	if target == nil || target.Pkg() == nil || flatPkg == "" {
		return true
	}
	from := findImport(c.pass.Pkg, flatPkg)
	if from == nil {
		return true
	}
	return findImport(from, target.Pkg().Path()) != nil
}

// findImport returns the package with path among pkg and its imports,
// transitively, or nil.
func findImport(pkg *types.Package, path string) *types.Package {
	seen := map[*types.Package]bool{}
	work := []*types.Package{pkg}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		work = append(work, p.Imports()...)
	}
	return nil
}

// flow is taint made flow-sensitive through local variables: a value
// stored in a variable reaches only the loads that the store reaches
// with no other store to the variable in between (err := f(); ...;
// err = g(); errors.Is(err, x) inspects g's error, not f's).
func taintedFrom(seeds ...ssa.Value) map[ssa.Value]bool {
	return spread(func(st *ssa.Store, add func(ssa.Value)) {
		if alloc, ok := st.Addr.(*ssa.Alloc); ok {
			for _, l := range reachedLoads(st, alloc) {
				add(l)
			}
			return
		}
		add(flow.MemoryRoot(st.Addr))
	}, seeds...)
}

// reachedLoads returns the loads of alloc that st reaches on some path
// without another store to alloc first.
func reachedLoads(st *ssa.Store, alloc *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	// scan walks b's instructions from index i; it reports whether the
	// walk goes on to the successors (no other store met).
	scan := func(b *ssa.BasicBlock, i int) bool {
		for _, ins := range b.Instrs[i:] {
			switch ins := ins.(type) {
			case *ssa.Store:
				if ins.Addr == alloc {
					return false
				}
			case *ssa.UnOp:
				if ins.Op == token.MUL && ins.X == alloc {
					out = append(out, ins)
				}
			}
		}
		return true
	}
	start := st.Block()
	idx := 0
	for i, ins := range start.Instrs {
		if ins == ssa.Instruction(st) {
			idx = i + 1
		}
	}
	flow.Explore(flow.At{B: start, I: idx}, func(a flow.At) ([]flow.At, bool) {
		if !scan(a.B, a.I) {
			return nil, false
		}
		return flow.AtSuccs(a.B), false
	})
	return out
}

// isNilTarget reports whether v is a nil error: errors.Is(err, nil) is a
// nil check (etcd's switch on errors.Is), not a look into the chain.
func isNilTarget(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return flow.IsNilConst(v)
}
