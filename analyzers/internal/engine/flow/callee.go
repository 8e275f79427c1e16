package flow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// CalleeFunc returns the function or method c calls: its static callee's
// object (a generic function's instance by its origin when it has none of
// its own), or the interface method it invokes; nil for a call of a
// function value, a builtin or a synthetic function.
func CalleeFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj
	}
	if fn.Origin() != nil {
		if obj, ok := fn.Origin().Object().(*types.Func); ok {
			return obj
		}
	}
	return nil
}

// RecvName is the name of the named type of method obj's receiver,
// without pointer or package; "" for a function, or a method of an
// interface literal.
func RecvName(obj *types.Func) string {
	recv := obj.Signature().Recv()
	if recv == nil {
		return ""
	}
	return namedName(recv.Type())
}

// TypeName is t's name for a message, through one pointer and without
// its package: a named type's name, the spelling of any other type.
func TypeName(t types.Type) string {
	if n := namedName(t); n != "" {
		return n
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(*types.Package) string { return "" })
}

// namedName is the name of t's named type, through one pointer; "" when
// t is not named.
func namedName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
