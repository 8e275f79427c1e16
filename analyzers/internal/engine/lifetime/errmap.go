package lifetime

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// A function that translates an error (translate(err) returns nil for
// nil and a package error otherwise) keeps the acquisition's failure
// visible: "if err := translate(err); err != nil" is the error check of
// the call whose err it was handed.

// errTranslations returns, per result of fn, 1 + the index of the error
// parameter the result is nil exactly when (0 for none); nil when no
// result is one.
func errTranslations(fn *ssa.Function) []int {
	res := fn.Signature.Results()
	var out []int
	for j := 0; j < res.Len(); j++ {
		if !isError(res.At(j).Type()) {
			continue
		}
		for i, p := range fn.Params {
			if isError(p.Type()) && nilExactlyWith(fn, j, p) {
				if out == nil {
					out = make([]int, res.Len())
				}
				out[j] = i + 1
				break
			}
		}
	}
	return out
}

// nilExactlyWith reports whether every return of fn gives result j the
// nil-ness of p: p itself, nil only where p is nil, and a value that is
// never nil only where p is not.
func nilExactlyWith(fn *ssa.Function, j int, p *ssa.Parameter) bool {
	returns := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		returns++
		r := ret.Results[j]
		switch {
		case r == ssa.Value(p):
		case flow.IsNilConst(r):
			if nilOn, known := nilnessAt(b, p); !known || !nilOn {
				return false
			}
		case flow.NonNilError(r):
			if nilOn, known := nilnessAt(b, p); !known || nilOn {
				return false
			}
		default:
			return false
		}
	}
	return returns > 0
}

// nilnessAt reports whether p is known to be nil (or known not to be) in
// block b: b is dominated by an edge of a test of p against nil.
func nilnessAt(b *ssa.BasicBlock, p ssa.Value) (isNilThere, known bool) {
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) != 1 {
			continue
		}
		pred := d.Preds[0]
		iff, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if flow.NilCompared(iff.Cond) != p {
			continue
		}
		cmp := iff.Cond.(*ssa.BinOp)
		trueEdge := pred.Succs[0] == d
		return trueEdge == (cmp.Op == token.EQL), true
	}
	return false, false
}
