package locks

import (
	"cmp"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// Ref names a memory location canonically inside one function: a root
// value (a parameter, a free variable, a global, a local allocation or any
// other value) and a path of field selections from it. Two loads of c.mu
// in one function give the same Ref, so the lock state can follow a mutex
// however many times its address is recomputed.
type Ref struct {
	Root ssa.Value
	// Path is the field path from Root: ".mu", ".inner*.mu" (a * marks a
	// load through a pointer field, [] an element at Index, [3] one at a
	// constant index).
	Path string
	// Index is the value indexing the one striped element on the path
	// (locks[i].mu): the same i names the same stripe.
	Index ssa.Value
}

// Lock is a mutex the state tracks.
type Lock = Ref

// Mode tells a write lock from a read lock.
type Mode uint8

// The two modes of a held lock.
const (
	Write Mode = iota + 1
	Read
)

// RefOf returns the canonical name of the location v points to (or is).
func RefOf(v ssa.Value) Ref {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		base := RefOf(v.X)
		return Ref{Root: base.Root, Path: base.Path + "." + fieldName(v.X.Type(), v.Field), Index: base.Index}
	case *ssa.IndexAddr:
		// A stripe of an array or slice: recomputing locks[i] at the
		// Unlock must give the lock taken at locks[i].Lock().
		base := RefOf(v.X)
		if c, ok := v.Index.(*ssa.Const); ok {
			return Ref{Root: base.Root, Path: base.Path + "[" + c.Value.String() + "]", Index: base.Index}
		}
		if base.Index == nil {
			return Ref{Root: base.Root, Path: base.Path + "[]", Index: v.Index}
		}
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			if _, ok := v.X.(*ssa.Global); ok {
				return Ref{Root: v.X, Path: "*"}
			}
			switch v.X.(type) {
			case *ssa.FieldAddr, *ssa.IndexAddr:
				base := RefOf(v.X)
				return Ref{Root: base.Root, Path: base.Path + "*", Index: base.Index}
			}
			if a, ok := v.X.(*ssa.Alloc); ok && a.Heap {
				if p := boxedParam(a); p != nil {
					// A parameter captured by a closure lives in a box;
					// while never reassigned it is the parameter.
					return Ref{Root: p}
				}
				// A captured local variable, read in the declaring function.
				return Ref{Root: v.X, Path: "*"}
			}
			if fv, ok := v.X.(*ssa.FreeVar); ok {
				return Ref{Root: fv, Path: "*"}
			}
		}
	case *ssa.ChangeType:
		return RefOf(v.X)
	}
	return Ref{Root: v}
}

// fieldName returns the name of field i of the struct ptr points to, "?"
// when ptr is not a pointer to a struct.
func fieldName(ptr types.Type, i int) string {
	return cmp.Or(typematch.FieldName(ptr, i), "?")
}

// Name returns a readable name for r, as the source spells it: c.mu, mu.
func (r Ref) Name() string {
	if r.AnyInstance() {
		return r.Path
	}
	path := strings.ReplaceAll(r.Path, "*", "")
	if r.Index != nil {
		index := "..."
		switch i := r.Index.(type) {
		case *ssa.Parameter, *ssa.FreeVar:
			index = i.Name()
		}
		path = strings.Replace(path, "[]", "["+index+"]", 1)
	}
	return rootName(r.Root) + path
}

// rootName returns the name a reader knows the root value by.
func rootName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return v.Name()
	case *ssa.Alloc:
		switch v.Comment {
		case "", "complit", "new", "slicelit", "varargs":
			// an allocation with no variable name: named by its type below
		default:
			return v.Comment
		}
	case *ssa.Phi:
		if v.Comment != "" {
			return v.Comment // the variable a lifted local merges
		}
	case *ssa.UnOp:
		return rootName(v.X)
	}
	if IsMutexType(v.Type()) {
		return "the mutex"
	}
	// Some other value (a call result, a range element): name its type.
	t := v.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return "(" + n.Obj().Name() + ")"
	}
	return "the mutex"
}

// AnyInstance reports whether r is a callee's lock the caller cannot
// name, known by its class only (see AbsLock.AnyInstance).
func (r Ref) AnyInstance() bool { return r.Root == nil }

// Shared reports whether r is rooted in something other functions can see
// too: a parameter, a free variable, or a global.
func (r Ref) Shared() bool {
	switch r.Root.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	}
	return false
}

// Class names the lock across functions: the named struct type and field
// that holds the mutex ("pkg.Server.mu"), or the global. Empty when r is
// neither (a local mutex).
func Class(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		p, ok := types.Unalias(v.X.Type()).Underlying().(*types.Pointer)
		if !ok {
			return ""
		}
		n, ok := types.Unalias(p.Elem()).(*types.Named)
		if !ok {
			// A mutex in a struct-typed field with no type name of its own
			// (mu struct{ sync.Mutex; ... }): named by the field that holds it.
			if outer := Class(v.X); outer != "" {
				return outer + "." + fieldName(v.X.Type(), v.Field)
			}
			return ""
		}
		if n.Obj().Pkg() == nil {
			return ""
		}
		return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + fieldName(v.X.Type(), v.Field)
	case *ssa.Global:
		if v.Pkg != nil {
			return v.Pkg.Pkg.Path() + "." + v.Name()
		}
	case *ssa.UnOp:
		return Class(v.X)
	case *ssa.ChangeType:
		return Class(v.X)
	}
	return ""
}

// IsMutexType reports whether t is sync.Mutex or sync.RWMutex (or a
// pointer to one).
func IsMutexType(t types.Type) bool {
	return typematch.NamedOrPointer(t, "sync", "Mutex") || typematch.NamedOrPointer(t, "sync", "RWMutex")
}

// BoxedParam returns the parameter a is the heap box of (a parameter a
// closure captures), when the box is only ever written once, with it.
func BoxedParam(a *ssa.Alloc) *ssa.Parameter { return boxedParam(a) }

// boxedParam returns the parameter a is the heap box of, when the box is
// only ever written once, with that parameter.
func boxedParam(a *ssa.Alloc) *ssa.Parameter {
	var param *ssa.Parameter
	for _, r := range *a.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != a {
			continue
		}
		p, ok := st.Val.(*ssa.Parameter)
		if !ok || param != nil {
			return nil
		}
		param = p
	}
	return param
}

// ThroughBackLink reports whether l is owner's mutex reached back from an
// element of one of owner's collections: l is e.f.<owner's path>, where e
// is an element of a map or slice loaded from owner's root and e's field
// f points to a value of the owner's type (a replica's store, a child's
// parent). Such a link leads back to the owner unless the element was
// filed under another owner.
func ThroughBackLink(l, owner Lock) bool {
	if l.AnyInstance() || owner.AnyInstance() || l.Index != nil || owner.Index != nil {
		return false
	}
	rest, ok := strings.CutSuffix(l.Path, owner.Path)
	if !ok || !strings.HasPrefix(rest, ".") || strings.Count(rest, "*") != 1 || !strings.HasSuffix(rest, "*") || strings.ContainsAny(rest[1:len(rest)-1], ".[") {
		return false
	}
	if !elementOf(l.Root, owner.Root) {
		return false
	}
	// The link's type is the owner's.
	p, ok := types.Unalias(l.Root.Type()).Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	name := rest[1 : len(rest)-1]
	for i := range s.NumFields() {
		if f := s.Field(i); f.Name() == name {
			return types.Identical(f.Type(), owner.Root.Type())
		}
	}
	return false
}

// elementOf reports whether v is an element of a map or slice that is
// loaded from root's fields (a range over it, a lookup, an index).
func elementOf(v, root ssa.Value) bool {
	var coll ssa.Value
	switch v := v.(type) {
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Next:
			if rg, ok := t.Iter.(*ssa.Range); ok {
				coll = rg.X
			}
		case *ssa.Lookup:
			coll = t.X
		}
	case *ssa.Lookup:
		coll = v.X
	case *ssa.UnOp:
		if ia, ok := v.X.(*ssa.IndexAddr); ok {
			coll = ia.X
		}
	}
	if coll == nil {
		return false
	}
	r := RefOf(coll)
	return r.Root == root && r.Path != ""
}

// LocalClass names a mutex that is a local variable captured by closures
// (the declaring function's heap cell, or a closure's free variable bound
// to it): by its allocation site, the same in the declaring function and
// in every closure that shares it, so a lock taken in a goroutine's
// closure and in the function that made it can be matched. Empty for
// anything else (Class names fields and globals).
func LocalClass(v ssa.Value) string {
	a := capturedAlloc(v, 0)
	if a == nil || !a.Heap || !IsMutexType(a.Type()) || a.Parent() == nil || a.Parent().Pkg == nil {
		return ""
	}
	return fmt.Sprintf("%s.local@%d", a.Parent().Pkg.Pkg.Path(), a.Pos())
}

// capturedAlloc returns the local allocation v is, or the one the free
// variable v is bound to by every closure made of its function.
func capturedAlloc(v ssa.Value, depth int) *ssa.Alloc {
	switch v := v.(type) {
	case *ssa.Alloc:
		return v
	case *ssa.ChangeType:
		return capturedAlloc(v.X, depth)
	case *ssa.FreeVar:
		fn := v.Parent()
		if fn == nil || fn.Parent() == nil || depth > 4 {
			return nil
		}
		i := slices.Index(fn.FreeVars, v)
		var found *ssa.Alloc
		for _, b := range fn.Parent().Blocks {
			for _, ins := range b.Instrs {
				mc, ok := ins.(*ssa.MakeClosure)
				if !ok || mc.Fn != fn {
					continue
				}
				a := capturedAlloc(mc.Bindings[i], depth+1)
				if a == nil || (found != nil && found != a) {
					return nil
				}
				found = a
			}
		}
		return found
	}
	return nil
}
