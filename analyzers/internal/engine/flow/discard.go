package flow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// IsDiscard reports whether v is io.Discard (or ioutil.Discard), possibly
// converted to an interface: a copy into it reads and drops its source.
func IsDiscard(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	g, ok := u.X.(*ssa.Global)
	if !ok || g.Pkg == nil || g.Name() != "Discard" {
		return false
	}
	return g.Pkg.Pkg.Path() == "io" || g.Pkg.Pkg.Path() == "io/ioutil"
}
