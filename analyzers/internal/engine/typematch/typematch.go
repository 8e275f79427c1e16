// Package typematch matches types by object (package path and name), never
// by their string: it survives aliases, renamed imports and vendoring.
package typematch

import "go/types"

// Named reports whether t is the named type pkg.name.
func Named(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// PointerTo reports whether t is *pkg.name.
func PointerTo(t types.Type, pkg, name string) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && Named(p.Elem(), pkg, name)
}

// NamedOrPointer reports whether t is pkg.name or *pkg.name.
func NamedOrPointer(t types.Type, pkg, name string) bool {
	return Named(t, pkg, name) || PointerTo(t, pkg, name)
}

// FieldName is the name of field i of the struct that t (a pointer to a
// struct, as in an SSA FieldAddr) points to; "" when t is not one.
func FieldName(t types.Type, i int) string {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return ""
	}
	return s.Field(i).Name()
}
