package locks

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// AbsLock names a lock in a function's contract, independently of any
// call: rooted in parameter Param (free variables of a closure follow its
// parameters), or in the package-level variable Global ("pkgpath.name").
type AbsLock struct {
	Param  int
	Global string
	Path   string
	Mode   Mode
	// Class names the lock across functions (see Class), if known.
	Class string
	// AnyInstance marks a lock the caller cannot name, known by its Class
	// only (a mutex of an element looked up in a map or slice): enough
	// for lock order, which reasons on classes, never for double locking.
	AnyInstance bool
	// Result marks a lock rooted in result Param, not a parameter (only
	// annotations name them: +checklocksacquire:r.mu).
	Result bool
	// Callback, when not 0, is 1 + the index of the func parameter whose
	// call takes the lock (a Locks entry found by resolving that call to
	// the functions the package passes there): a call site passing a
	// function that takes no lock does not take it.
	Callback int
}

// String renders a for fact tests and debugging: p0.mu(W), pkg.g(R).
func (a AbsLock) String() string {
	root := fmt.Sprintf("p%d", a.Param)
	if a.AnyInstance {
		root = "any " + a.Class
	} else if a.Result {
		root = fmt.Sprintf("r%d", a.Param)
	} else if a.Param < 0 {
		root = a.Global
	}
	mode := "W"
	if a.Mode == Read {
		mode = "R"
	}
	if a.Callback > 0 {
		mode += fmt.Sprintf(" via p%d", a.Callback-1)
	}
	return root + a.Path + "(" + mode + ")"
}

// Summary is what a function does to the locks its caller can name. It is
// exported in the package's fact table (facttable), so callers in other
// packages see it.
type Summary struct {
	// Acquires are locked and still held at every return ("returns
	// holding it": a lock helper).
	Acquires []AbsLock
	// Releases are unlocked without being locked first, at every return
	// (the caller holds them: "expects mu held").
	Releases []AbsLock
	// Locks are acquired (with a blocking Lock/RLock) somewhere inside,
	// directly or through its callees: calling it while holding one
	// deadlocks.
	Locks []AbsLock
	// MayReturnHolding are locked and still held at some returns but not
	// all (a conditional acquire whose caller unlocks).
	MayReturnHolding []AbsLock
	// Retakes are held by the caller at entry, released inside and taken
	// again (blocking) before returning, directly or through a callee: the
	// call waits for them while the caller holds its other locks.
	Retakes []AbsLock
	// NoReturn reports that the function never returns normally.
	NoReturn bool
	// Requires and Excludes are what the function's annotations say its
	// callers hold, and must not hold, at a call (see Contract).
	Requires, Excludes []AbsLock
}

// AFact implements analysis.Fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	add := func(name string, ls []AbsLock) {
		if len(ls) > 0 {
			parts = append(parts, fmt.Sprintf("%s%v", name, ls))
		}
	}
	add("acquires", s.Acquires)
	add("releases", s.Releases)
	add("locks", s.Locks)
	add("mayhold", s.MayReturnHolding)
	add("retakes", s.Retakes)
	add("requires", s.Requires)
	add("excludes", s.Excludes)
	if s.NoReturn {
		parts = append(parts, "noreturn")
	}
	return strings.Join(parts, " ")
}

func (s *Summary) empty() bool {
	return len(s.Acquires)+len(s.Releases)+len(s.Locks)+len(s.MayReturnHolding)+len(s.Retakes)+len(s.Requires)+len(s.Excludes) == 0 && !s.NoReturn
}

// abstract names r in fn's contract; ok is false for locks the caller
// cannot name (a local mutex).
func abstract(fn *ssa.Function, r Ref, m Mode, class string) (AbsLock, bool) {
	if r.Index != nil {
		return AbsLock{}, false // the caller cannot name the index value
	}
	switch root := r.Root.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == root {
				return AbsLock{Param: i, Path: r.Path, Mode: m, Class: class}, true
			}
		}
	case *ssa.FreeVar:
		for i, fv := range fn.FreeVars {
			if fv == root {
				return AbsLock{Param: len(fn.Params) + i, Path: r.Path, Mode: m, Class: class}, true
			}
		}
	case *ssa.Global:
		if root.Pkg != nil {
			return AbsLock{Param: -1, Global: root.Pkg.Pkg.Path() + "." + root.Name(), Path: r.Path, Mode: m, Class: class}, true
		}
	}
	return AbsLock{}, false
}

// abstractClass names, by its class only, a lock fn acquires that the
// caller cannot name: one reached through a value fn loaded (a map or
// slice element, a field of a call's result), never a local allocation,
// which no other goroutine can hold.
func abstractClass(r Ref, m Mode, class string) (AbsLock, bool) {
	if class == "" {
		return AbsLock{}, false
	}
	if _, ok := r.Root.(*ssa.Alloc); ok {
		return AbsLock{}, false
	}
	return AbsLock{Param: -1, Mode: m, Class: class, AnyInstance: true}, true
}

// concrete names a in the caller at the call c of a function with len
// params parameters, given the closure bindings (if the callee is a
// closure made here).
func concrete(global func(string) *ssa.Global, a AbsLock, args []ssa.Value, bindings []ssa.Value) (Ref, bool) {
	if a.AnyInstance {
		return Ref{Path: a.Class}, true // rooted nowhere: equal to no lock the caller holds
	}
	if a.Result {
		return Ref{}, false // named at the call's result only (resultRef)
	}
	if a.Param < 0 {
		g := global(a.Global)
		if g == nil {
			return Ref{}, false
		}
		return Ref{Root: g, Path: a.Path}, true
	}
	var base ssa.Value
	switch {
	case a.Param < len(args):
		base = args[a.Param]
	case a.Param-len(args) < len(bindings):
		base = bindings[a.Param-len(args)]
	default:
		return Ref{}, false
	}
	if box, ok := base.(*ssa.Alloc); ok && strings.HasPrefix(a.Path, "*") {
		if p := boxedParam(box); p != nil {
			return Ref{Root: p, Path: a.Path[1:]}, true // see RefOf
		}
	}
	r := RefOf(base)
	return Ref{Root: r.Root, Path: r.Path + a.Path, Index: r.Index}, true
}

// addUnique appends a unless it is already in ls.
func addUnique(ls []AbsLock, a AbsLock) []AbsLock {
	for _, x := range ls {
		if x == a {
			return ls
		}
	}
	return append(ls, a)
}

// addLock adds a, taken through func parameter callback-1 (0: not through
// a callback), to ls. A lock taken both directly and through a callback,
// or through two callbacks, is one entry, taken directly.
func addLock(ls []AbsLock, a AbsLock, callback int) []AbsLock {
	a.Callback = callback
	for i, x := range ls {
		y := x
		y.Callback = callback
		if y == a {
			if x.Callback != callback {
				ls[i].Callback = 0
			}
			return ls
		}
	}
	return append(ls, a)
}
