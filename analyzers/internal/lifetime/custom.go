package lifetime

import (
	"fmt"
	"go/types"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// CustomKind is a resource kind declared in configuration
// (settings.resourceclose.kinds): a project's own pool, client or handle.
type CustomKind struct {
	// Constructor is the function or method that acquires the resource,
	// by its full name: "example.com/pool.Open" or
	// "(*example.com/pool.Pool).Get"; a generic type's method without its
	// type parameters, for every instantiation.
	Constructor string `yaml:"constructor" json:"constructor"`
	// Result is the index of the result that is the resource (default 0).
	Result int `yaml:"result" json:"result"`
	// Release lists the methods of the resource that release it (any one
	// suffices).
	Release []string `yaml:"release" json:"release"`
}

var (
	funcFullName = regexp.MustCompile(`^(\(\*?[^()\s*]+\.[\pL_][\pL\pN_]*\)\.[\pL_][\pL\pN_]*|[^()\s*]+\.[\pL_][\pL\pN_]*)$`)
	identifier   = regexp.MustCompile(`^[\pL_][\pL\pN_]*$`)
)

// ValidateKinds checks kinds as written in configuration; errors name the
// offending entry and key.
func ValidateKinds(kinds []CustomKind) error {
	for i, k := range kinds {
		switch {
		case !funcFullName.MatchString(k.Constructor):
			return fmt.Errorf("kinds[%d].constructor: %q is not a function's full name (want pkg/path.Func or (*pkg/path.Type).Method)", i, k.Constructor)
		case k.Result < 0:
			return fmt.Errorf("kinds[%d].result: %d is negative", i, k.Result)
		case len(k.Release) == 0:
			return fmt.Errorf("kinds[%d].release: empty; name the methods that release the resource (Close)", i)
		}
		for _, m := range k.Release {
			if !identifier.MatchString(m) {
				return fmt.Errorf("kinds[%d].release: %q is not a method name", i, m)
			}
		}
	}
	return nil
}

// customConstructor is a compiled CustomKind.
type customConstructor struct {
	name   string // the full name without pointer marks
	result int
	kind   *Kind
}

func compileKinds(kinds []CustomKind) []customConstructor {
	var out []customConstructor
	for _, k := range kinds {
		name := normalizeFullName(k.Constructor)
		out = append(out, customConstructor{
			name:   name,
			result: k.Result,
			kind: &Kind{
				Name:    "resource (" + shortName(name) + ")",
				Family:  "resourceclose",
				Release: k.Release,
				Fix:     "%s." + k.Release[0] + "()",
			},
		})
	}
	return out
}

// normalizeFullName drops the pointer mark of a method's receiver, so
// that a configuration may write either.
func normalizeFullName(s string) string { return strings.Replace(s, "(*", "(", 1) }

// configName is obj's full name as a configuration writes it, without
// the pointer mark: a method of a generic type by its origin's receiver
// type without type parameters, "(example.com/pool.Pool).Get" for the Get
// of every Pool[T] (the instance's FullName spells Pool[int], the
// origin's Pool[T], and neither matches).
func configName(obj *types.Func) string {
	obj = obj.Origin()
	if recv := obj.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeParams().Len() > 0 && n.Obj().Pkg() != nil {
			return "(" + n.Obj().Pkg().Path() + "." + n.Obj().Name() + ")." + obj.Name()
		}
	}
	return normalizeFullName(obj.FullName())
}

// shortName is a full name without its package path's directories:
// "(pool.Pool).Get", "pool.Open".
func shortName(full string) string {
	afterSlash := func(s string) string { return s[strings.LastIndex(s, "/")+1:] }
	if end := strings.Index(full, ")"); strings.HasPrefix(full, "(") && end > 0 {
		return "(" + afterSlash(full[1:end]) + full[end:]
	}
	return afterSlash(full)
}

var (
	enginesMu sync.Mutex
	engines   = map[string]*analysis.Analyzer{}
)

// For returns the engine that knows kinds besides the built-in ones. All
// analyzers of one run must share one engine (its fact type may be
// registered once), so equal lists get the same instance. kinds must have
// passed ValidateKinds.
func For(kinds []CustomKind) *analysis.Analyzer {
	if len(kinds) == 0 {
		return Analyzer
	}
	key := fmt.Sprintf("%#v", kinds)
	enginesMu.Lock()
	defer enginesMu.Unlock()
	if a, ok := engines[key]; ok {
		return a
	}
	a := newAnalyzer(compileKinds(kinds))
	engines[key] = a
	return a
}

// customAcquisitions matches a call's callee against the configured kinds.
func (s *summarizer) customAcquisitions(obj *types.Func) []constructor {
	if obj == nil || len(s.custom) == 0 {
		return nil
	}
	name := configName(obj)
	var out []constructor
	for _, c := range s.custom {
		if c.name == name {
			out = append(out, constructor{name: obj.Name(), result: c.result, kind: c.kind})
		}
	}
	return out
}

// kindNamed finds a built-in or configured kind by Name (facts name kinds).
func (s *summarizer) kindNamed(name string) *Kind {
	if k := KindNamed(name); k != nil {
		return k
	}
	for _, c := range s.custom {
		if c.kind.Name == name {
			return c.kind
		}
	}
	return nil
}
