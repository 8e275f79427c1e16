// Package funcpath parses the function names users write in configuration
// (errorlog.log-functions, resourceclose.kinds[].constructor) and matches
// them against the callees the analyzers see. One syntax for every setting:
//
//	example.com/m/log.Errorf             a package-level function
//	(*example.com/m/log.Logger).Errorf   a method, as types.Func.FullName writes it
//	(example.com/m/log.Logger).Errorf    the same method (the pointer mark is optional)
//	example.com/m/log.Logger.Errorf      the same method, in the dotted spelling
//
// All spellings of a method are one name: the receiver's pointer mark and
// type arguments play no part (a method of a generic type matches on every
// instantiation). The dotted spelling is ambiguous when the path's last
// element has a dot (gopkg.in/yaml.v3.Marshal): it then matches either
// reading, function or method.
package funcpath

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
)

// Path is one function or method, canonically.
type Path struct {
	Pkg  string // import path
	Recv string // receiver type name, without pointer or type arguments; "" for a function
	Name string
}

// String is the canonical spelling: pkg.Func or (pkg.Type).Method.
func (p Path) String() string {
	if p.Recv == "" {
		return p.Pkg + "." + p.Name
	}
	return "(" + p.Pkg + "." + p.Recv + ")." + p.Name
}

// Name is a parsed configured name: one Path, or two for an ambiguous
// dotted spelling.
type Name struct {
	Text  string
	Paths []Path
}

// Parse parses one configured name; the error says why it is not one.
func Parse(s string) (Name, error) {
	bad := func(why string) (Name, error) {
		return Name{}, fmt.Errorf("%q is not a function path (%s); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method", s, why)
	}
	if s == "" {
		return bad("empty")
	}
	if strings.ContainsAny(s, " \t\n") {
		return bad("it has spaces")
	}
	if strings.HasPrefix(s, "(") {
		end := strings.Index(s, ")")
		if end < 0 {
			return bad("no closing parenthesis")
		}
		method, ok := strings.CutPrefix(s[end+1:], ".")
		if !ok || !token.IsIdentifier(method) {
			return bad("no method name after the receiver")
		}
		pkg, typ, ok := splitLast(strings.TrimPrefix(s[1:end], "*"))
		if !ok || !token.IsIdentifier(typ) || !validPkg(pkg) {
			return bad("the receiver is not pkg/path.Type")
		}
		return Name{Text: s, Paths: []Path{{Pkg: pkg, Recv: typ, Name: method}}}, nil
	}
	if pkg, rest, ok := strings.Cut(s, ".("); ok {
		// A stack trace's spelling, pkg/path.(*Type).Method.
		typ, method, _ := strings.Cut(rest, ")")
		star, typ := "", strings.TrimPrefix(typ, "*")
		if strings.HasPrefix(rest, "*") {
			star = "*"
		}
		return bad("a stack trace's spelling: write (" + star + pkg + "." + typ + ")" + method)
	}
	if strings.ContainsAny(s, "()*[]") {
		return bad("unbalanced receiver")
	}
	pkg, fn, ok := splitLast(s)
	if !ok || !token.IsIdentifier(fn) || !validPkg(pkg) {
		return bad("no package path and name")
	}
	n := Name{Text: s, Paths: []Path{{Pkg: pkg, Name: fn}}}
	if p2, typ, ok := splitLast(pkg); ok && token.IsIdentifier(typ) && validPkg(p2) {
		n.Paths = append(n.Paths, Path{Pkg: p2, Recv: typ, Name: fn})
	}
	return n, nil
}

// splitLast splits s at its last dot after its last slash.
func splitLast(s string) (string, string, bool) {
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s, ".")
	if dot <= slash || dot == len(s)-1 {
		return "", "", false
	}
	return s[:dot], s[dot+1:], true
}

// validPkg reports whether s can be an import path: non-empty elements of
// letters, digits and -._~+.
func validPkg(s string) bool {
	if s == "" || strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") {
		return false
	}
	for _, elem := range strings.Split(s, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		for _, r := range elem {
			if !(r == '-' || r == '.' || r == '_' || r == '~' || r == '+' ||
				'0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 127) {
				return false
			}
		}
	}
	return true
}

// Of returns f's path; ok is false for a function without a package (a
// builtin) or with an unnamed receiver (an interface literal's method).
func Of(f *types.Func) (Path, bool) {
	if f == nil || f.Pkg() == nil {
		return Path{}, false
	}
	f = f.Origin()
	p := Path{Pkg: f.Pkg().Path(), Name: f.Name()}
	if r := f.Signature().Recv(); r != nil {
		t := types.Unalias(r.Type())
		if ptr, ok := t.(*types.Pointer); ok {
			t = types.Unalias(ptr.Elem())
		}
		n, ok := t.(*types.Named)
		if !ok {
			return Path{}, false
		}
		p.Recv = n.Obj().Name()
		if n.Obj().Pkg() != nil {
			p.Pkg = n.Obj().Pkg().Path()
		}
	}
	return p, true
}

// Matches reports whether n names f.
func (n Name) Matches(f *types.Func) bool {
	p, ok := Of(f)
	if !ok {
		return false
	}
	for _, q := range n.Paths {
		if q == p {
			return true
		}
	}
	return false
}

// Set is a compiled list of configured names, looked up by path.
type Set map[Path]bool

// Compile parses names, which must have passed Parse.
func Compile(names []string) Set {
	s := Set{}
	for _, t := range names {
		n, err := Parse(t)
		if err != nil {
			continue
		}
		for _, p := range n.Paths {
			s[p] = true
		}
	}
	return s
}

// Has reports whether f is in the set.
func (s Set) Has(f *types.Func) bool {
	if len(s) == 0 {
		return false
	}
	p, ok := Of(f)
	return ok && s[p]
}

// Missing returns why n names nothing in the analysed code, or nil. find
// returns a loaded package by import path, or nil, and whether its types
// are complete (type-checked from source) rather than read from export
// data, which is sure to hold only what the package exports. n is missing
// when the package of a reading of it is loaded and no loaded package has
// any reading. A package that is not loaded may belong to another build,
// and an unexported name of a package known by its export data may be
// left out of it: both say nothing. (Of the two readings of a dotted
// name, the one whose package is not loaded is not a package's: a.b/c.T.M
// whose a.b/c is loaded does not mean a package a.b/c.T.)
func (n Name) Missing(find func(path string) (*types.Package, bool)) error {
	var why error
	for _, p := range n.Paths {
		pkg, complete := find(p.Pkg)
		if pkg == nil {
			continue
		}
		if !complete && !p.exported() {
			return nil
		}
		err := p.missingIn(pkg)
		if err == nil {
			return nil
		}
		if why == nil {
			why = err
		}
	}
	if why == nil {
		return nil
	}
	if len(n.Paths) > 1 {
		return fmt.Errorf("%s: no such function or method", n.Text)
	}
	return fmt.Errorf("%s: %w", n.Text, why)
}

// exported reports whether p's function, or its type and method, are
// exported: in every package's export data.
func (p Path) exported() bool {
	return token.IsExported(p.Name) && (p.Recv == "" || token.IsExported(p.Recv))
}

// missingIn says what pkg lacks of p, or nil when it has p.
func (p Path) missingIn(pkg *types.Package) error {
	if p.Recv == "" {
		if _, ok := pkg.Scope().Lookup(p.Name).(*types.Func); ok {
			return nil
		}
		return fmt.Errorf("no such function in package %s", p.Pkg)
	}
	tn, ok := pkg.Scope().Lookup(p.Recv).(*types.TypeName)
	if !ok {
		return fmt.Errorf("no type %s in package %s", p.Recv, p.Pkg)
	}
	// The method set of *T holds T's methods too, promoted ones included;
	// an interface's methods are found on the interface itself.
	t := tn.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	if m, _, _ := types.LookupFieldOrMethod(t, true, pkg, p.Name); m != nil {
		if _, ok := m.(*types.Func); ok {
			return nil
		}
	}
	return fmt.Errorf("type %s has no method %s", p.Recv, p.Name)
}
