package funcpath

import (
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/settingerr"
)

// Checker reports the configured names that name nothing in the analysed
// code (see Name.Missing), each once per run of its analyzer however many
// packages show it, as a settingerr diagnostic naming the setting.
type Checker struct {
	family string
	keys   []string // the setting of each name, below settings.<family>
	names  []Name

	mu      sync.Mutex
	settled []bool // the name was found, or reported
}

// NewChecker returns the checker of names, as written in the family's
// settings at keys (parallel slices); names that do not parse are left
// to Validate.
func NewChecker(family string, keys, names []string) *Checker {
	c := &Checker{family: family}
	for i, text := range names {
		if n, err := Parse(text); err == nil {
			c.keys, c.names = append(c.keys, keys[i]), append(c.names, n)
		}
	}
	c.settled = make([]bool, len(c.names))
	return c
}

// Check settles every name whose packages pass can see: the package it
// analyses, complete, and the packages it imports, directly or not, by
// their export data.
func (c *Checker) Check(pass *analysis.Pass) {
	if len(c.names) == 0 {
		return
	}
	var loaded map[string]*types.Package
	find := func(path string) (*types.Package, bool) {
		if path == pass.Pkg.Path() {
			return pass.Pkg, true
		}
		if loaded == nil {
			loaded = imported(pass.Pkg)
		}
		return loaded[path], false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, n := range c.names {
		if c.settled[i] || !seen(n, find) {
			continue
		}
		c.settled[i] = true
		if err := n.Missing(find); err != nil {
			settingerr.Report(pass, c.family, c.keys[i], err)
		}
	}
}

// seen reports whether Missing's answer on n is final: the package of a
// reading is loaded, and every loaded one is complete or has the reading
// exported.
func seen(n Name, find func(string) (*types.Package, bool)) bool {
	loaded := false
	for _, p := range n.Paths {
		pkg, complete := find(p.Pkg)
		if pkg == nil {
			continue
		}
		if !complete && !p.exported() {
			return false
		}
		loaded = true
	}
	return loaded
}

// imported returns the packages pkg imports, directly or not, by path.
func imported(pkg *types.Package) map[string]*types.Package {
	out := map[string]*types.Package{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if out[imp.Path()] == nil {
				out[imp.Path()] = imp
				visit(imp)
			}
		}
	}
	visit(pkg)
	return out
}
