package lifetime

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/funcpath"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/settingerr"
)

// CustomKind is a resource kind declared in configuration
// (settings.resourceclose.kinds): a project's own pool, client or handle.
type CustomKind struct {
	// Constructor is the function or method that acquires the resource,
	// by its full name: "example.com/pool.Open", or for a method
	// "(*example.com/pool.Pool).Get" or "example.com/pool.Pool.Get" (one
	// name; see analyzers/internal/host/funcpath); a generic type's method
	// without its type parameters, for every instantiation.
	Constructor string `yaml:"constructor" json:"constructor"`
	// Result is the index of the result that is the resource (default 0).
	Result int `yaml:"result" json:"result"`
	// Release lists the methods of the resource that release it (any one
	// suffices).
	Release []string `yaml:"release" json:"release"`
}

// ValidateKinds checks kinds as written in configuration: every invalid
// value, each error naming its entry and key.
func ValidateKinds(kinds []CustomKind) error {
	var errs []error
	for i, k := range kinds {
		at := func(key string, err error) {
			errs = append(errs, settingerr.At(fmt.Sprintf("kinds[%d].%s", i, key), err))
		}
		if _, err := funcpath.Parse(k.Constructor); err != nil {
			at("constructor", err)
		}
		if k.Result < 0 {
			at("result", fmt.Errorf("%d is negative", k.Result))
		}
		if len(k.Release) == 0 {
			at("release", errors.New("empty; name the methods that release the resource (Close)"))
		}
		for j, m := range k.Release {
			if !token.IsIdentifier(m) {
				at(fmt.Sprintf("release[%d]", j), fmt.Errorf("%q is not a method name", m))
			}
		}
	}
	return errors.Join(errs...)
}

// customConstructor is a compiled CustomKind.
type customConstructor struct {
	name   funcpath.Name
	result int
	kind   *Kind
}

func compileKinds(kinds []CustomKind) []customConstructor {
	var out []customConstructor
	for _, k := range kinds {
		name, _ := funcpath.Parse(k.Constructor) // validated
		out = append(out, customConstructor{
			name:   name,
			result: k.Result,
			kind: &Kind{
				Name:    "resource (" + shortName(strings.Replace(k.Constructor, "(*", "(", 1)) + ")",
				Family:  "resourceclose",
				Release: k.Release,
				Fix:     "%s." + k.Release[0] + "()",
			},
		})
	}
	return out
}

// shortName is a configured name without its package path's directories:
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
	var out []constructor
	for _, c := range s.custom {
		if c.name.Matches(obj) {
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
