package flow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// NonNilError reports whether v, of type error, is certainly not nil: a
// concrete value converted to error, a package-level error variable (a
// sentinel such as io.EOF), or the result of errors.New or fmt.Errorf.
func NonNilError(v ssa.Value) bool {
	if !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.UnOp:
		_, ok := v.X.(*ssa.Global)
		return ok
	case *ssa.Call:
		fn := v.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || fn.Signature.Recv() != nil {
			return false
		}
		p, n := fn.Pkg.Pkg.Path(), fn.Name()
		return p == "errors" && n == "New" || p == "fmt" && n == "Errorf"
	}
	return false
}

// IsNilConst reports whether v is the constant nil.
func IsNilConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// NilCompared returns the operand that v, an == or != comparison,
// compares with the constant nil (Y when both are nil); nil when v is no
// such comparison.
func NilCompared(v ssa.Value) ssa.Value {
	cmp, ok := v.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return nil
	}
	switch {
	case IsNilConst(cmp.X):
		return cmp.Y
	case IsNilConst(cmp.Y):
		return cmp.X
	}
	return nil
}
