package typematch

import (
	"go/types"
	"testing"
)

func TestMatch(t *testing.T) {
	pkg := types.NewPackage("net/http", "http")
	named := types.NewNamed(types.NewTypeName(0, pkg, "Response", nil), types.NewStruct(nil, nil), nil)
	alias := types.NewAlias(types.NewTypeName(0, pkg, "Resp", nil), named)
	ptr := types.NewPointer(named)
	cases := []struct {
		t                      types.Type
		named, pointer, either bool
	}{
		{named, true, false, true},
		{alias, true, false, true},
		{ptr, false, true, true},
		{types.Typ[types.Int], false, false, false},
	}
	for _, c := range cases {
		if Named(c.t, "net/http", "Response") != c.named || PointerTo(c.t, "net/http", "Response") != c.pointer || NamedOrPointer(c.t, "net/http", "Response") != c.either {
			t.Errorf("%v: got %v %v %v", c.t, Named(c.t, "net/http", "Response"), PointerTo(c.t, "net/http", "Response"), NamedOrPointer(c.t, "net/http", "Response"))
		}
	}
	if Named(named, "example.com/http", "Response") {
		t.Error("matched another package's type by name")
	}
}
