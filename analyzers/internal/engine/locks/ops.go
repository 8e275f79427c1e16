package locks

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// opKind is what a call does to a mutex.
type opKind uint8

const (
	opNone opKind = iota
	opLock
	opUnlock
	opTryLock
)

// op is a call on a mutex: its kind, mode and the mutex's address.
type op struct {
	kind opKind
	mode Mode
	mu   ssa.Value
}

// mutexOp classifies a call of a sync.Mutex or sync.RWMutex method (and of
// the lock methods through an interface that implements sync.Locker).
func mutexOp(c *ssa.CallCommon) op {
	if c.IsInvoke() {
		return lockerOp(c)
	}
	var name string
	var mu ssa.Value
	switch v := c.Value.(type) {
	case *ssa.Function:
		if !isMutexMethod(v.Object()) || len(c.Args) == 0 {
			return op{}
		}
		name, mu = v.Name(), c.Args[0]
	case *ssa.MakeClosure:
		// A method value: unlock := mu.Unlock; defer unlock().
		fn := v.Fn.(*ssa.Function)
		if !isMutexMethod(fn.Object()) || len(v.Bindings) != 1 {
			return op{}
		}
		name, mu = fn.Object().Name(), v.Bindings[0]
	default:
		return op{}
	}
	switch name {
	case "Lock":
		return op{opLock, Write, mu}
	case "RLock":
		return op{opLock, Read, mu}
	case "Unlock":
		return op{opUnlock, Write, mu}
	case "RUnlock":
		return op{opUnlock, Read, mu}
	case "TryLock":
		return op{opTryLock, Write, mu}
	case "TryRLock":
		return op{opTryLock, Read, mu}
	}
	return op{}
}

// lockerOp classifies an interface method call on a value whose interface
// implements sync.Locker (Lock() and Unlock()): whatever hides behind it
// (sync.Locker itself, or a project's own Mutex interface handed a
// *sync.Mutex or a debugging wrapper of one, as syncthing's lib/sync does)
// is a lock. RLock/RUnlock and TryLock count when the interface has them
// with sync.RWMutex's signatures.
func lockerOp(c *ssa.CallCommon) op {
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok || !hasLockMethod(iface, "Lock", false) || !hasLockMethod(iface, "Unlock", false) {
		return op{}
	}
	readSide := hasLockMethod(iface, "RLock", false) && hasLockMethod(iface, "RUnlock", false)
	switch name := c.Method.Name(); {
	case name == "Lock":
		return op{opLock, Write, c.Value}
	case name == "Unlock":
		return op{opUnlock, Write, c.Value}
	case name == "RLock" && readSide:
		return op{opLock, Read, c.Value}
	case name == "RUnlock" && readSide:
		return op{opUnlock, Read, c.Value}
	case name == "TryLock" && hasLockMethod(iface, name, true):
		return op{opTryLock, Write, c.Value}
	}
	return op{}
}

// hasLockMethod reports whether iface has the method name with no
// parameters and no result (or a single bool result, for a try).
func hasLockMethod(iface *types.Interface, name string, try bool) bool {
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		if m.Name() != name {
			continue
		}
		sig := m.Signature()
		if sig.Params().Len() != 0 || sig.Variadic() {
			return false
		}
		if !try {
			return sig.Results().Len() == 0
		}
		if sig.Results().Len() != 1 {
			return false
		}
		b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Bool
	}
	return false
}

// isMutexMethod reports whether obj is a method of sync.Mutex or
// sync.RWMutex.
func isMutexMethod(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	return typematch.NamedOrPointer(recv.Type(), "sync", "RWMutex") || typematch.NamedOrPointer(recv.Type(), "sync", "Mutex")
}

// UnlockedBy returns the mutex a call of Unlock or RUnlock releases.
func UnlockedBy(c *ssa.CallCommon) (ssa.Value, bool) {
	if o := mutexOp(c); o.kind == opUnlock {
		return o.mu, true
	}
	return nil, false
}

// InCaller names r, a lock in callee's terms, in the terms of a caller
// that passes args (and, for a closure it makes, bindings). The zero Ref
// when the caller cannot name it.
func InCaller(callee *ssa.Function, r Ref, args, bindings []ssa.Value) Ref {
	if _, ok := r.Root.(*ssa.Global); ok {
		return r // a global is named the same everywhere
	}
	a, ok := abstract(callee, r, Write, "")
	if !ok {
		return Ref{}
	}
	if a.Param >= len(callee.Params) && len(args) < len(callee.Params) {
		args = append(make([]ssa.Value, 0, len(callee.Params)), args...)
		for len(args) < len(callee.Params) {
			args = append(args, nil)
		}
	}
	if a.Param >= 0 && a.Param < len(args) && args[a.Param] == nil {
		return Ref{}
	}
	out, ok := concrete(func(string) *ssa.Global { return nil }, a, args, bindings)
	if !ok {
		return Ref{}
	}
	return out
}
