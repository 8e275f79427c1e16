package chanflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// elemClass names the channels kept in a slice field (r.chans[i], or a
// range over r.chans): the field's class with "[]" appended, when every
// use of the field in the package is one the index follows (elemField).
// "" otherwise.
func (s *Result) elemClass(slice ssa.Value) string {
	load, ok := slice.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return ""
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return ""
	}
	v := flow.FieldVar(fa)
	if v == nil {
		return ""
	}
	if c, ok := s.elems[v]; ok {
		return c
	}
	s.elems[v] = "" // a use through itself is not followed
	c := s.elemField(v, s.addrClass(fa))
	s.elems[v] = c
	return c
}

// elemField checks every use of the slice-of-channels field v: it is
// unexported, loaded only to index it (each element a channel value the
// index follows), to take its length, or to append channels made right
// there and store the result back into the field; stored only with such
// an append, a slice literal of made channels, or nil. It records the
// buffers of the channels made into it and returns class+"[]", or "".
func (s *Result) elemField(v *types.Var, class string) string {
	if class == "" || v.Exported() || !isChan(elemOf(v.Type())) {
		return ""
	}
	ec := class + "[]"
	var caps []int64
	for _, fn := range s.funcs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if f, ok := ins.(*ssa.Field); ok && fieldOfValue(f) == v {
					return "" // a copy of the struct carries the slice away
				}
				fa, ok := ins.(*ssa.FieldAddr)
				if !ok || flow.FieldVar(fa) != v {
					continue
				}
				for _, r := range *fa.Referrers() {
					switch r := r.(type) {
					case *ssa.DebugRef:
					case *ssa.UnOp:
						if r.Op != token.MUL || !s.loadFollowed(r, v) {
							return ""
						}
					case *ssa.Store:
						if r.Addr != fa {
							return ""
						}
						made, ok := s.storedSlice(r.Val, v)
						if !ok {
							return ""
						}
						caps = append(caps, made...)
					default:
						return ""
					}
				}
			}
		}
	}
	if len(caps) == 0 {
		return ""
	}
	s.makeCaps[ec] = caps
	return ec
}

// elemOf is the element type of a slice type, nil otherwise.
func elemOf(t types.Type) types.Type {
	if sl, ok := t.Underlying().(*types.Slice); ok {
		return sl.Elem()
	}
	return nil
}

// fieldOfValue returns the field a struct-valued Field instruction reads.
func fieldOfValue(f *ssa.Field) *types.Var {
	st, ok := f.X.Type().Underlying().(*types.Struct)
	if !ok || f.Field >= st.NumFields() {
		return nil
	}
	return st.Field(f.Field)
}

// loadFollowed reports whether every use of the load of the field v is
// an index whose element is only loaded (a channel value the index
// follows), len or cap, or the first argument of an append stored back
// into v.
func (s *Result) loadFollowed(load *ssa.UnOp, v *types.Var) bool {
	for _, r := range *load.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.IndexAddr:
			for _, rr := range *r.Referrers() {
				if u, ok := rr.(*ssa.UnOp); !ok || u.Op != token.MUL {
					if _, ok := rr.(*ssa.DebugRef); !ok {
						return false
					}
				}
			}
		case *ssa.Call:
			if IsBuiltin(&r.Call, "len") || IsBuiltin(&r.Call, "cap") {
				continue
			}
			if !IsBuiltin(&r.Call, "append") || len(r.Call.Args) == 0 || r.Call.Args[0] != load || !storedBackOnly(r, v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// storedBackOnly reports whether the append call's result is only stored
// into the field v.
func storedBackOnly(call *ssa.Call, v *types.Var) bool {
	for _, r := range *call.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != call {
			return false
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok || flow.FieldVar(fa) != v {
			return false
		}
	}
	return true
}

// storedSlice checks a value stored into the field v: nil, an append to
// the field's own load of made channels, or a slice literal of made
// channels; it returns the buffers of the channels made.
func (s *Result) storedSlice(val ssa.Value, v *types.Var) ([]int64, bool) {
	switch val := val.(type) {
	case *ssa.Const:
		return nil, val.IsNil()
	case *ssa.Call:
		if !IsBuiltin(&val.Call, "append") || len(val.Call.Args) != 2 {
			return nil, false
		}
		load, ok := val.Call.Args[0].(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return nil, false
		}
		if fa, ok := load.X.(*ssa.FieldAddr); !ok || flow.FieldVar(fa) != v {
			return nil, false
		}
		return madeElems(val.Call.Args[1])
	case *ssa.Slice:
		return madeElems(val)
	}
	return nil, false
}

// madeElems returns the buffers of the channels in a slice of a fresh
// array (a slice literal, or append's variadic arguments) when every
// element stored into it is a channel made right there.
func madeElems(v ssa.Value) ([]int64, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	var caps []int64
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.Slice:
			if r != sl {
				return nil, false
			}
		case *ssa.IndexAddr:
			for _, rr := range *r.Referrers() {
				st, ok := rr.(*ssa.Store)
				if !ok || st.Addr != r {
					return nil, false
				}
				m, ok := st.Val.(*ssa.MakeChan)
				if !ok || !onlyStored(m) {
					return nil, false
				}
				caps = append(caps, capOf(m))
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return caps, len(caps) > 0
}
