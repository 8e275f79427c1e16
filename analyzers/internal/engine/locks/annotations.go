package locks

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
)

// The engine reads gVisor's checklocks annotations as contracts: they are
// written for a machine, so unlike a prose "guarded by" comment they need
// no inference. On a function, +checklocks:x.mu (and its read, acquire,
// release and exclude variants) says which locks its callers hold and what
// it does to them; on a struct field or a package-level variable,
// +checklocks:mu names its guard and +checkatomic says it is accessed
// atomically; on a type, +checklocksalias:a.mu=mu says two paths name the
// same lock.

var (
	funcDirective  = regexp.MustCompile(`\+checklocks(read|acquire|acquireread|release|releaseread|exclude|excludewrite)?:([A-Za-z_][A-Za-z0-9_.]*)`)
	ignoreFunc     = regexp.MustCompile(`\+checklocksignore\b`)
	guardDirective = regexp.MustCompile(`\+checklocks:([A-Za-z_][A-Za-z0-9_.]*)`)
	atomicMark     = regexp.MustCompile(`\+checkatomic\b`)
	aliasDirective = regexp.MustCompile(`\+checklocksalias:([A-Za-z_][A-Za-z0-9_.]*)=([A-Za-z_][A-Za-z0-9_.]*)`)
)

// Contract is what a function's annotations say, in its own terms.
type Contract struct {
	// Requires are held on entry (+checklocks, +checklocksread,
	// +checklocksrelease); Acquires are held at every return
	// (+checklocksacquire); Releases are not (+checklocksrelease);
	// Excludes must not be held at a call (Mode Write: not at all,
	// +checklocksexclude; Mode Read: not for writing, +checklocksexcludewrite).
	Requires, Acquires, Releases, Excludes []AbsLock
	// Ignore is +checklocksignore: no access of the function is checked.
	Ignore bool
}

// VarGuard is what a struct field's or package-level variable's
// annotations say (an entry of the package fact, so other packages see it).
type VarGuard struct {
	// Guards are the locks that must all be held (+checklocks, repeatable).
	Guards []Guard
	// Atomic is +checkatomic.
	Atomic bool
}

// AFact implements analysis.Fact (the harness lists table entries so).
func (*VarGuard) AFact() {}

// Guard names a field's lock: a path from the struct that declares the
// field (Global empty), or from a package-level variable ("pkgpath.name").
// Path is in Ref's notation (".inner*.mu"). Alts are paths the struct's
// +checklocksalias declares the same lock.
type Guard struct {
	Global string
	Path   string
	Alts   []string
}

// packageGuards is the package fact that carries the annotated fields and
// variables of a package.
type packageGuards struct{ facttable.Table[VarGuard] }

// AFact implements analysis.Fact.
func (*packageGuards) AFact() {}

func newPackageGuards() *packageGuards { return new(packageGuards) }

// annotations are one package's parsed annotations.
type annotations struct {
	funcs map[*types.Func]*Contract
	vars  map[*types.Var]*VarGuard
	facts *facttable.Set[VarGuard, *packageGuards]
	pkg   *types.Package
}

// readAnnotations parses the package's annotations.
func readAnnotations(pass *analysis.Pass) *annotations {
	an := &annotations{funcs: map[*types.Func]*Contract{}, vars: map[*types.Var]*VarGuard{}, pkg: pass.Pkg}
	for _, file := range pass.Files {
		if !mentionsChecklocks(file) {
			continue
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				an.readFunc(pass, d)
			case *ast.GenDecl:
				an.readGen(pass, d)
			}
		}
	}
	return an
}

// mentionsChecklocks reports whether a comment of file holds an annotation.
func mentionsChecklocks(file *ast.File) bool {
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, "+checklocks") || strings.Contains(c.Text, "+checkatomic") {
				return true
			}
		}
	}
	return false
}

// readFunc parses a function's directives.
func (an *annotations) readFunc(pass *analysis.Pass, d *ast.FuncDecl) {
	obj, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
	if !ok || d.Doc == nil {
		return
	}
	text := commentsText(d.Doc)
	c := &Contract{Ignore: ignoreFunc.MatchString(text)}
	sig := obj.Signature()
	for _, m := range funcDirective.FindAllStringSubmatch(text, -1) {
		a, ok := funcLock(pass.Pkg, sig, m[2])
		if !ok {
			continue
		}
		switch m[1] {
		case "":
			a.Mode = Write
			c.Requires = append(c.Requires, a)
		case "read":
			a.Mode = Read
			c.Requires = append(c.Requires, a)
		case "acquire", "acquireread":
			a.Mode = modeOf(m[1] == "acquireread")
			c.Acquires = append(c.Acquires, a)
		case "release", "releaseread":
			a.Mode = modeOf(m[1] == "releaseread")
			c.Requires = append(c.Requires, a)
			c.Releases = append(c.Releases, a)
		case "exclude":
			a.Mode = Write
			c.Excludes = append(c.Excludes, a)
		case "excludewrite":
			a.Mode = Read
			c.Excludes = append(c.Excludes, a)
		}
	}
	if c.Ignore || len(c.Requires)+len(c.Acquires)+len(c.Excludes) > 0 {
		an.funcs[obj] = c
	}
}

func modeOf(read bool) Mode {
	if read {
		return Read
	}
	return Write
}

// funcLock resolves a function directive's lock: rooted in a parameter
// (the receiver first, as in SSA), a result, or a package-level variable.
func funcLock(pkg *types.Package, sig *types.Signature, spec string) (AbsLock, bool) {
	segs := strings.Split(spec, ".")
	var vars []*types.Var
	if r := sig.Recv(); r != nil {
		vars = append(vars, r)
	}
	for i := range sig.Params().Len() {
		vars = append(vars, sig.Params().At(i))
	}
	for i, v := range vars {
		if v.Name() == segs[0] {
			path, ok := pathIn(v.Type(), segs[1:])
			return AbsLock{Param: i, Path: path}, ok
		}
	}
	for i := range sig.Results().Len() {
		if v := sig.Results().At(i); v.Name() == segs[0] {
			path, ok := pathIn(v.Type(), segs[1:])
			return AbsLock{Param: i, Result: true, Path: path}, ok
		}
	}
	return globalLock(pkg, segs)
}

// globalLock resolves a lock rooted in a package-level variable.
func globalLock(pkg *types.Package, segs []string) (AbsLock, bool) {
	v, ok := pkg.Scope().Lookup(segs[0]).(*types.Var)
	if !ok {
		return AbsLock{}, false
	}
	prefix := ""
	if indirect(v.Type()) {
		prefix = "*"
	}
	path, ok := pathIn(v.Type(), segs[1:])
	return AbsLock{Param: -1, Global: pkg.Path() + "." + v.Name(), Path: prefix + path}, ok
}

// pathIn renders the field path segs from a value of type t in Ref's
// notation: a field of pointer or interface type is loaded ("*") before
// what follows is selected, and a lock held through one is named so too.
func pathIn(t types.Type, segs []string) (string, bool) {
	var b strings.Builder
	for _, seg := range segs {
		f := fieldNamed(t, seg)
		if f == nil {
			return "", false
		}
		b.WriteString("." + seg)
		if indirect(f.Type()) {
			b.WriteString("*")
		}
		t = f.Type()
	}
	return b.String(), true
}

// fieldNamed returns the field name of the struct t is (or points to).
func fieldNamed(t types.Type, name string) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name {
			return f
		}
	}
	return nil
}

// indirect reports whether a value of type t is reached through a load.
func indirect(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// readGen parses the annotated fields of the struct types a declaration
// holds (nested ones too) and its annotated package-level variables.
func (an *annotations) readGen(pass *analysis.Pass, d *ast.GenDecl) {
	for _, spec := range d.Specs {
		switch spec := spec.(type) {
		case *ast.TypeSpec:
			aliases := typeAliases(d.Doc, spec.Doc)
			an.readStructs(pass, spec.Type, aliases)
		case *ast.ValueSpec:
			if spec.Type != nil {
				an.readStructs(pass, spec.Type, nil)
			}
			g := &VarGuard{}
			text := commentsText(spec.Doc, spec.Comment)
			if len(d.Specs) == 1 {
				text += " " + commentsText(d.Doc)
			}
			for _, m := range guardDirective.FindAllStringSubmatch(text, -1) {
				if a, ok := globalLock(pass.Pkg, strings.Split(m[1], ".")); ok {
					g.Guards = append(g.Guards, Guard{Global: a.Global, Path: a.Path})
				}
			}
			g.Atomic = atomicMark.MatchString(text)
			if len(g.Guards) == 0 && !g.Atomic {
				continue
			}
			for _, n := range spec.Names {
				if v, ok := pass.TypesInfo.Defs[n].(*types.Var); ok {
					an.vars[v] = g
				}
			}
		}
	}
}

// typeAliases returns the +checklocksalias pairs of a type declaration.
func typeAliases(groups ...*ast.CommentGroup) [][2]string {
	var out [][2]string
	for _, m := range aliasDirective.FindAllStringSubmatch(commentsText(groups...), -1) {
		out = append(out, [2]string{m[1], m[2]})
	}
	return out
}

// readStructs records the annotated fields of every struct type in expr.
func (an *annotations) readStructs(pass *analysis.Pass, expr ast.Expr, aliases [][2]string) {
	ast.Inspect(expr, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok {
			return true
		}
		t := pass.TypesInfo.TypeOf(st)
		if t == nil {
			return true
		}
		for _, f := range st.Fields.List {
			if g := an.fieldGuard(pass, t, f, aliases); g != nil {
				for _, name := range f.Names {
					if v, ok := pass.TypesInfo.Defs[name].(*types.Var); ok {
						an.vars[v] = g
					}
				}
			}
		}
		aliases = nil // the aliases are the outer type's
		return true
	})
}

// fieldGuard reads one field's annotations, resolved against its struct.
func (an *annotations) fieldGuard(pass *analysis.Pass, st types.Type, f *ast.Field, aliases [][2]string) *VarGuard {
	text := commentsText(f.Doc, f.Comment)
	g := &VarGuard{Atomic: atomicMark.MatchString(text)}
	for _, m := range guardDirective.FindAllStringSubmatch(text, -1) {
		segs := strings.Split(m[1], ".")
		if fieldNamed(st, segs[0]) == nil {
			if a, ok := globalLock(pass.Pkg, segs); ok {
				g.Guards = append(g.Guards, Guard{Global: a.Global, Path: a.Path})
			}
			continue
		}
		path, ok := pathIn(st, segs)
		if !ok {
			continue
		}
		gd := Guard{Path: path}
		for _, al := range aliases {
			for i := range 2 {
				if al[i] == m[1] {
					if alt, ok := pathIn(st, strings.Split(al[1-i], ".")); ok {
						gd.Alts = append(gd.Alts, alt)
					}
				}
			}
		}
		g.Guards = append(g.Guards, gd)
	}
	if len(g.Guards) == 0 && !g.Atomic {
		return nil
	}
	return g
}

// commentsText returns the annotation lines of comment groups: the lines
// whose text starts with "+check" (// +checklocks:mu, a trailing
// // +checkatomic). An annotation is a line of its own, as gVisor writes
// them; prose that names one ("Atomic is +checkatomic.") is not one.
func commentsText(groups ...*ast.CommentGroup) string {
	var lines []string
	for _, g := range groups {
		if g == nil {
			continue
		}
		for _, c := range g.List {
			text := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/"), "//")
			for _, line := range strings.Split(text, "\n") {
				if line = strings.TrimSpace(line); strings.HasPrefix(line, "+check") {
					lines = append(lines, line)
				}
			}
		}
	}
	return strings.Join(lines, "\n")
}

// ContractOf returns fn's annotated contract (its origin's for an
// instance of a generic function), nil when it has none; for another
// package's function, the part its summary carries.
func (r *Result) ContractOf(fn *ssa.Function) *Contract {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if obj, ok := fn.Object().(*types.Func); ok && r.an != nil {
		if c := r.an.funcs[obj]; c != nil {
			return c
		}
		if obj.Pkg() != r.an.pkg {
			if sum := r.eng.imports(fn); sum != nil && len(sum.Requires)+len(sum.Excludes) > 0 {
				return &Contract{Requires: sum.Requires, Excludes: sum.Excludes}
			}
		}
	}
	return nil
}

// GuardOf returns the annotations of a struct field or package-level
// variable (a field of a generic type by its origin), nil if none.
func (r *Result) GuardOf(v *types.Var) *VarGuard {
	if r.an == nil || v == nil {
		return nil
	}
	v = v.Origin()
	if g := r.an.vars[v]; g != nil {
		return g
	}
	if v.Pkg() == nil || v.Pkg() == r.an.pkg {
		return nil
	}
	if g, ok := r.an.facts.Import(v); ok {
		return &g
	}
	return nil
}

// GuardRefs returns, for each of g's guards, the locks that satisfy it for
// a field of the object obj (the guard and its aliases); nil entries are
// guards that cannot be named here.
func (r *Result) GuardRefs(g *VarGuard, obj Ref) [][]Ref {
	var out [][]Ref
	for _, gd := range g.Guards {
		var refs []Ref
		if gd.Global != "" {
			if gv := r.eng.global(gd.Global); gv != nil {
				refs = append(refs, Ref{Root: gv, Path: gd.Path})
			}
		} else if obj.Root != nil {
			for _, p := range append([]string{gd.Path}, gd.Alts...) {
				refs = append(refs, Ref{Root: obj.Root, Path: obj.Path + p, Index: obj.Index})
			}
		}
		out = append(out, refs)
	}
	return out
}

// ConcreteAt names a, a lock of callee's contract, at the call ins (a
// result-rooted lock names the call's result).
func (r *Result) ConcreteAt(a AbsLock, ins ssa.CallInstruction) (Ref, bool) {
	if a.Result {
		if v, ok := ins.(*ssa.Call); ok {
			return resultRef(a, v)
		}
		return Ref{}, false
	}
	return r.eng.concreteAt(a, ins.Common())
}

// InFunc names a, a lock of fn's own contract, inside fn; results are
// named at a return (ret), and are not nameable elsewhere.
func InFunc(fn *ssa.Function, a AbsLock, ret *ssa.Return) (Ref, bool) {
	if a.Result {
		if ret == nil || a.Param >= len(ret.Results) {
			return Ref{}, false
		}
		r := RefOf(ret.Results[a.Param])
		return Ref{Root: r.Root, Path: r.Path + a.Path, Index: r.Index}, true
	}
	if a.Param < 0 {
		return Ref{}, false // a global: see globalRef
	}
	if a.Param >= len(fn.Params) {
		return Ref{}, false
	}
	return Ref{Root: fn.Params[a.Param], Path: a.Path}, true
}

// resultRef names a result-rooted lock at the call that returns it.
func resultRef(a AbsLock, call *ssa.Call) (Ref, bool) {
	var base ssa.Value = call
	if call.Call.Signature().Results().Len() > 1 {
		base = nil
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == a.Param {
				base = ex
			}
		}
	}
	if base == nil {
		return Ref{}, false
	}
	r := RefOf(base)
	return Ref{Root: r.Root, Path: r.Path + a.Path, Index: r.Index}, true
}

// entryHeld returns the locks fn's contract says are held on entry, in
// its own terms.
func (e *engine) entryHeld(fn *ssa.Function) []Held {
	c := e.contract(fn)
	if c == nil {
		return nil
	}
	var out []Held
	for _, a := range c.Requires {
		if l, ok := e.inFunc(fn, a); ok {
			out = append(out, Held{Lock: l, Mode: a.Mode})
		}
	}
	return out
}

// inFunc names a in fn's terms (a global by its variable).
func (e *engine) inFunc(fn *ssa.Function, a AbsLock) (Ref, bool) {
	if a.Param < 0 && !a.Result {
		g := e.global(a.Global)
		if g == nil {
			return Ref{}, false
		}
		return Ref{Root: g, Path: a.Path}, true
	}
	return InFunc(fn, a, nil)
}

// InFunc names a, a lock of fn's contract, in fn's terms (a global by
// its variable; a result only at a return, ret).
func (r *Result) InFunc(fn *ssa.Function, a AbsLock, ret *ssa.Return) (Ref, bool) {
	if a.Result {
		return InFunc(fn, a, ret)
	}
	return r.eng.inFunc(fn, a)
}

// contract returns fn's own annotated contract, nil if none.
func (e *engine) contract(fn *ssa.Function) *Contract {
	if e.an == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	return e.an.funcs[obj]
}

// annotate adds fn's annotated contract to its summary: callers then hold
// what it acquires, drop what it releases, and are checked against what it
// requires and excludes.
func (e *engine) annotate(fn *ssa.Function, sum *Summary) {
	c := e.contract(fn)
	if c == nil {
		return
	}
	sum.Requires = append(sum.Requires, c.Requires...)
	sum.Excludes = append(sum.Excludes, c.Excludes...)
	for _, a := range c.Acquires {
		sum.Acquires = addUnique(sum.Acquires, a)
	}
	for _, a := range c.Releases {
		sum.Releases = addUnique(sum.Releases, a)
	}
}

// exportGuards exports the package's annotated fields and variables.
func (an *annotations) exportGuards() error {
	for v, g := range an.vars {
		an.facts.Export(v, g)
	}
	return an.facts.Flush()
}
