package sharedstate

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// maxPath bounds the inline-struct nesting a variable's identity keeps.
const maxPath = 4

// varID names a variable by what it is, not by how its type is spelled: a
// global, or a field reached from an object through fields of inline
// (embedded or value) structs, innermost field first. s.stats.inMsgs is
// Server.stats then stats.inMsgs, so two owners embedding one struct type
// hold different variables, and two function-local types that share a
// name never merge. Fields of generic types are named by their origin, so
// every instantiation is the same variable.
type varID struct {
	global *ssa.Global
	path   [maxPath]*types.Var
}

// leaf returns the field the variable is (nil for a plain global).
func (id varID) leaf() *types.Var { return id.path[0] }

// varIDOf returns the identity of the variable addr points to: a global or
// a field; false for anything else.
func varIDOf(addr ssa.Value) (varID, bool) {
	var id varID
	switch a := addr.(type) {
	case *ssa.Global:
		id.global = a
		return id, true
	case *ssa.FieldAddr:
		for i := 0; ; i++ {
			v := flow.FieldVar(a)
			if v == nil {
				return varID{}, false
			}
			id.path[i] = v.Origin()
			switch base := a.X.(type) {
			case *ssa.FieldAddr:
				if i+1 < maxPath {
					a = base
					continue
				}
			case *ssa.Global:
				id.global = base
			}
			return id, true
		}
	}
	return varID{}, false
}
