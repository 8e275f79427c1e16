package driver

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/lintcmd/cache"
)

// A dependency is analysed only for its facts, and the engines read a
// fact only for what the code they analyse refers to: a function it
// calls or takes the value of, a method of a type its values have, a
// field or a global it uses. Under a module with many dependencies most
// of that code is never reached from the module's packages (on jaeger,
// 936 of 1,310 third-party packages and 46% of their lines; see
// bench/README), yet the runner parses, type-checks, builds and analyses
// all of it, decoding the export data of every import of each.
//
// So the packages driver walks from the packages the user named to what
// they can reach, function by function, and leaves out every other
// package of a module that nothing reached refers to, as it leaves out the
// standard library (leaveOut): the runner type-checks the importers
// against its export data and analyses nothing of it. A package that
// something reached refers to is analysed whole, as before; only the
// imports that its unreached functions alone use are left out, and the
// facts of those functions, which nothing reads, are computed without
// them. Every fact a reached function reads is then the one a full
// analysis computes: the findings are the same (the corpus's are
// byte-identical), and each package's cache entry is keyed by its
// imports' facts, so a package analysed over left-out imports never
// shares an entry with one analysed over all of them.
//
// What a function needs, found by type-checking its package from source
// against its imports' export data (the step that writes the module's
// own export data has them decoded once for all):
//   - every function and method its body names (types.Info.Uses),
//   - every method of every named type that an object it names or
//     defines is made of (its type, a function's signature), promoted
//     ones included: a value of that type may reach an interface and be
//     called through it; every expression's type is made of those,
//   - its package's initialisation (the package must then be analysed
//     at all), and the package of every type, field or global it names.
//
// A package's needs are cached, keyed by its files and its imports'
// export data, and so is the walk's result, keyed by every package's: a
// warm run reads one entry, an edit works out the edited package's needs
// again. When anything cannot be worked out (a needed package does not
// type-check, has no export data), the driver leaves nothing out.
const (
	// LazyDepsEnv set to "off" analyses every dependency, as before (to
	// compare, or to rule this out when in doubt); set to "always", it
	// leaves out what is unreached even where the walk cannot pay (to
	// check on more code that the findings are the same).
	LazyDepsEnv = "REVIEWLINT_LAZYDEPS"
	// keepImportersEnv lists, comma-separated, the packages whose
	// importers, direct or not, are always analysed: their package facts
	// say what they link (httpbody's linksPprof).
	keepImportersEnv = "REVIEWLINT_KEEPIMPORTERS"
	needsFormat      = "reviewlint needs 2"
)

// needs is what one package's code refers to, as keys: "path" for a
// package whose analysis is needed, "path\x00name" (name "T.m" for a
// method) for a function of it.
type needs struct {
	Init  []string            // package-level initialisers and init functions
	Funcs map[string][]string // by the function's name in its package
}

// reach finds the packages of modules that nothing reached from
// the roots refers to.
type reach struct {
	x       *exporter
	byPath  map[string]*exportNode // the packages the walk may enter
	loaded  map[string]*needs
	pkgs    map[string]bool // packages needed
	funcs   map[string]bool // functions needed
	pending map[string][]string
	work    []string // keys not yet followed
	toLoad  []string
	// Bytes of source: of the packages the walk may enter, of those that
	// could be left out (by path) and are not reached yet, and of those
	// type-checked or about to be.
	size           map[*exportNode]int64
	bytes          int64
	leavable       map[string]int64
	unreachedBytes int64
	checkedBytes   int64
}

// The walk pays when it leaves out much and type-checks little: working
// out a package's needs (type-checking it with bodies, against export
// data decoded once) costs less than what analysing it costs the runner,
// but not nothing. Measured on the bench corpus (bytes of source), most
// modules' roots reach nearly all they import (caddy leaves out 0.8 of 32
// MB, gin 0.1 of 8.5), and the walk only adds its 1-4 s; jaeger's leave
// out 22 of 45 MB, with elasticsearch's typedapi/types, type-checking the
// other 24, and the run takes 13 s instead of 31. So the walk gives up,
// leaving nothing out, as soon as it is clear that it cannot pay:
//   - before it starts, when the named packages (type-checked first,
//     whatever follows) have more than maxWholeShare percent of the source
//     of the packages that could be left out;
//   - once the packages type-checked, or about to be, have more than
//     maxCheckedPerLeft times the source of those that could still be left
//     out (the first only grows, the second only shrinks), each foreseen
//     one round on: the next round as large as this one, reaching as much
//     again. Leaving out a byte saved from two (syncthing: the walk to its
//     end lost 0.4 s on 2.5 MB left out, 5.8 type-checked) to six times
//     (jaeger) what type-checking one cost. Foreseeing a round gives up
//     where the rounds grow (gin: before its second, 4.3 MB, round; caddy
//     and prometheus a round earlier) and keeps jaeger's walk (at its
//     last round, 28.7 MB foreseen against 34).
//
// Both are functions of the files and the graph, so a warm run, whose
// needs come from the cache, decides as the cold run did and finds the
// runner's entries.
const (
	maxWholeShare     = 25
	maxCheckedPerLeft = 2
)

// unreached returns the packages of the graph under roots that can be
// left out: of a module (the standard library is stdfacts' to leave out),
// not named by the patterns, and referred to by nothing the roots reach;
// nil (leave nothing out) when the walk cannot be trusted or cannot pay,
// and the error says why.
func (x *exporter) unreached(roots []*packages.Package) (map[*packages.Package]bool, error) {
	t0 := time.Now()
	defer func() { x.stats.Reach = time.Since(t0) }()
	key, keyErr := x.walkKey(roots)
	var res walkResult
	if keyErr == nil && x.rememberedWalk(key, &res) {
		x.stats.ReachRemembered = true
	} else {
		var err error
		res, err = x.walk(roots)
		var off giveUp
		switch {
		case errors.As(err, &off):
			res.Off = err.Error()
		case err != nil:
			return nil, err
		}
		if keyErr == nil {
			x.rememberWalk(key, res)
		}
	}
	x.stats.ReachBytes = res.Bytes
	if res.Off != "" {
		return nil, errors.New(res.Off)
	}
	byID := map[string]*packages.Package{}
	for p := range x.nodes {
		byID[p.ID] = p
	}
	out := map[*packages.Package]bool{}
	for _, id := range res.LeftOut {
		out[byID[id]] = true
	}
	return out, nil
}

// walkResult is what a walk found, as remembered: the packages left out
// (by ID), or why it gave up, and the bytes of source it counted.
type walkResult struct {
	LeftOut []string
	Off     string
	Bytes   [3]int64
}

// giveUp is the walk's decision that leaving out cannot pay: like its
// result, a function of the code, so it is remembered.
type giveUp string

func (g giveUp) Error() string { return string(g) }

// walkKey identifies a walk: the graph, every package's files and
// imports (needsKey), and the settings it reads.
func (x *exporter) walkKey(roots []*packages.Package) (cache.ActionID, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nwalk\nreviewlint %s\n%s=%q %s=%q\n", needsFormat, x.salt,
		LazyDepsEnv, os.Getenv(LazyDepsEnv), keepImportersEnv, os.Getenv(keepImportersEnv))
	for _, p := range roots {
		fmt.Fprintf(h, "root %q\n", p.ID)
	}
	for _, p := range slices.SortedFunc(maps.Keys(x.nodes), byID) {
		k, err := x.needsKey(x.nodes[p])
		if err != nil {
			return cache.ActionID{}, err
		}
		fmt.Fprintf(h, "package %q %x\n", p.ID, k)
	}
	var id cache.ActionID
	h.Sum(id[:0])
	return id, nil
}

func (x *exporter) rememberedWalk(key cache.ActionID, res *walkResult) bool {
	data, _, err := cache.GetBytes(x.cache, key)
	return err == nil && gob.NewDecoder(bytes.NewReader(data)).Decode(res) == nil
}

func (x *exporter) rememberWalk(key cache.ActionID, res walkResult) {
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(res) == nil {
		_ = cache.PutBytes(x.cache, key, buf.Bytes()) // best effort: walked again next time
	}
}

func byID(a, b *packages.Package) int { return strings.Compare(a.ID, b.ID) }

// walk goes from roots to what they reach; a giveUp error when it stops
// because leaving out cannot pay.
func (x *exporter) walk(roots []*packages.Package) (res walkResult, err error) {
	r := &reach{
		x:       x,
		byPath:  map[string]*exportNode{},
		loaded:  map[string]*needs{},
		pkgs:    map[string]bool{},
		funcs:   map[string]bool{},
		pending: map[string][]string{},
	}
	defer func() { res.Bytes = [3]int64{r.checkedBytes, r.unreachedBytes, r.bytes} }()
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	// The roots need all of their code, and so does a test variant of a
	// module's package ("b [a.test]"), which shares its path with the
	// package it varies.
	var whole []*exportNode
	for _, p := range slices.SortedFunc(maps.Keys(x.nodes), byID) {
		switch n := x.nodes[p]; {
		case isRoot[p] || p.Module != nil && p.ID != p.PkgPath:
			whole = append(whole, n)
		case p.Module != nil:
			r.byPath[p.PkgPath] = n
		}
	}
	keep := keptImporters(x.nodes, strings.Split(os.Getenv(keepImportersEnv), ","))
	r.size = sourceSizes(x.nodes)
	r.leavable = map[string]int64{}
	for path, n := range r.byPath {
		r.bytes += r.size[n]
		if n.needed && leavable(n) && !keep[n] {
			r.leavable[path] = r.size[n]
			r.unreachedBytes += r.size[n]
		}
	}
	x.modulePaths = map[string]bool{}
	for p := range x.nodes {
		if p.Module != nil {
			x.modulePaths[p.PkgPath] = true
		}
	}
	for _, n := range whole {
		r.checkedBytes += r.size[n]
	}
	always := os.Getenv(LazyDepsEnv) == "always"
	if !always && r.checkedBytes*100 > r.unreachedBytes*maxWholeShare {
		return res, giveUp(fmt.Sprintf("the named packages have more than %d%% of the source of what could be left out", maxWholeShare))
	}
	rootNeeds, err := r.load(whole)
	if err != nil {
		return res, err
	}
	for _, nd := range rootNeeds {
		r.work = append(r.work, nd.Init...)
		for _, name := range slices.Sorted(maps.Keys(nd.Funcs)) {
			r.work = append(r.work, nd.Funcs[name]...)
		}
	}
	for len(r.work) > 0 || len(r.toLoad) > 0 {
		for len(r.work) > 0 {
			k := r.work[len(r.work)-1]
			r.work = r.work[:len(r.work)-1]
			r.follow(k)
		}
		var next int64
		for _, path := range r.toLoad {
			next += r.size[r.byPath[path]]
		}
		r.checkedBytes += next
		if !always && r.checkedBytes+next > (r.unreachedBytes-next)*maxCheckedPerLeft {
			return res, giveUp("the packages the roots reach have more source than those left")
		}
		if err := r.loadPending(); err != nil {
			return res, err
		}
	}
	for path := range r.leavable {
		if !r.pkgs[path] {
			res.LeftOut = append(res.LeftOut, r.byPath[path].pkg.ID)
		}
	}
	slices.Sort(res.LeftOut)
	return res, nil
}

// sourceSizes returns the bytes of each package's compiled files (what
// the walk and the runner parse; 0 for a file that cannot be read).
func sourceSizes(nodes map[*packages.Package]*exportNode) map[*exportNode]int64 {
	out := map[*exportNode]int64{}
	for p, n := range nodes {
		for _, f := range p.CompiledGoFiles {
			if fi, err := os.Stat(f); err == nil {
				out[n] += fi.Size()
			}
		}
	}
	return out
}

// leavable reports whether n may be left out: its export data stands in,
// and it imports something, so that the runner's key for it left out
// (files and imports, none then) differs from its key analysed.
func leavable(n *exportNode) bool {
	p := n.pkg
	return n.export != "" && len(p.Errors) == 0 && len(p.Imports) > 0 && p.PkgPath != "unsafe"
}

// keptImporters returns the packages that import one of paths, directly
// or not.
func keptImporters(nodes map[*packages.Package]*exportNode, paths []string) map[*exportNode]bool {
	watched := map[string]bool{}
	for _, p := range paths {
		if p != "" {
			watched[p] = true
		}
	}
	memo := map[*exportNode]bool{}
	var links func(n *exportNode) bool
	links = func(n *exportNode) bool {
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = false // import cycles do not occur; this only bounds the walk
		v := false
		for _, imp := range n.imports {
			if watched[imp.pkg.PkgPath] || links(imp) {
				v = true
				break
			}
		}
		memo[n] = v
		return v
	}
	out := map[*exportNode]bool{}
	for _, n := range nodes {
		if links(n) {
			out[n] = true
		}
	}
	return out
}

// follow marks key needed and queues what it needs in turn.
func (r *reach) follow(key string) {
	path, name, isFunc := strings.Cut(key, "\x00")
	if _, ok := r.byPath[path]; !ok {
		return // a root, the standard library: analysed whatever it is
	}
	if !r.pkgs[path] {
		r.pkgs[path] = true
		r.unreachedBytes -= r.leavable[path]
		r.toLoad = append(r.toLoad, path)
	}
	if !isFunc || r.funcs[key] {
		return
	}
	r.funcs[key] = true
	if nd := r.loaded[path]; nd != nil {
		r.work = append(r.work, nd.Funcs[name]...)
	} else {
		r.pending[path] = append(r.pending[path], name)
	}
}

// loadPending works out the needs of the packages marked needed since
// the last call, and queues their initialisation and the functions
// already asked of them.
func (r *reach) loadPending() error {
	if len(r.toLoad) == 0 {
		return nil
	}
	var nodes []*exportNode
	for _, path := range r.toLoad {
		nodes = append(nodes, r.byPath[path])
	}
	paths := r.toLoad
	r.toLoad = nil
	all, err := r.load(nodes)
	if err != nil {
		return err
	}
	for i, path := range paths {
		nd := all[i]
		r.loaded[path] = nd
		r.work = append(r.work, nd.Init...)
		for _, name := range r.pending[path] {
			r.work = append(r.work, nd.Funcs[name]...)
		}
		delete(r.pending, path)
	}
	return nil
}

// load returns the needs of nodes, from the cache or by type-checking
// them, in parallel.
func (r *reach) load(nodes []*exportNode) ([]*needs, error) {
	out := make([]*needs, len(nodes))
	errs := make([]error, len(nodes))
	// Largest first, so that a round does not wait on one large package
	// started last.
	idx := make([]int, len(nodes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(r.size[nodes[j]], r.size[nodes[i]]) })
	order := make(chan int, len(nodes))
	for _, i := range idx {
		order <- i
	}
	close(order)
	var wg sync.WaitGroup
	for range min(cap(r.x.sem), len(nodes)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range order {
				out[i], errs[i] = r.x.needsOf(nodes[i])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// needsOf returns what n's code refers to, from the cache when it was
// worked out before for the same files and imports.
func (x *exporter) needsOf(n *exportNode) (*needs, error) {
	p := n.pkg
	if len(p.Errors) > 0 || len(p.CompiledGoFiles) == 0 {
		return nil, fmt.Errorf("%s: not type-checked", p.ID)
	}
	key, err := x.needsKey(n)
	if err != nil {
		return nil, err
	}
	if data, _, err := cache.GetBytes(x.cache, key); err == nil {
		var nd needs
		if gob.NewDecoder(bytes.NewReader(data)).Decode(&nd) == nil {
			x.stats.count(&x.stats.NeedsCached)
			return &nd, nil
		}
	}
	x.stats.count(&x.stats.NeedsChecked)
	nd, err := x.needsFromSource(n)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(nd); err == nil {
		_ = cache.PutBytes(x.cache, key, buf.Bytes()) // best effort: worked out again next time
	}
	return nd, nil
}

// needsKey identifies n's needs: its files (through the build ID of its
// export data when it has one: the go command's covers them) and its
// imports' export data.
func (x *exporter) needsKey(n *exportNode) (cache.ActionID, error) {
	// Once per package: the walk's key hashes every package's, and a miss
	// then looks up each package it enters.
	n.needsKeyOnce.Do(func() { n.needsKey, n.needsKeyErr = x.computeNeedsKey(n) })
	return n.needsKey, n.needsKeyErr
}

func (x *exporter) computeNeedsKey(n *exportNode) (cache.ActionID, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nreviewlint %s\nid %q\n", needsFormat, x.salt, n.pkg.ID)
	if id := x.buildID(n); id != "" {
		fmt.Fprintf(h, "build %s\n", id)
	} else {
		files, err := x.filesHash(n.pkg)
		if err != nil {
			return cache.ActionID{}, err
		}
		fmt.Fprintf(h, "files %s\n", files)
	}
	for _, imp := range n.imports {
		fmt.Fprintf(h, "import %q %s\n", imp.pkg.ID, contentID(x.buildID(imp)))
	}
	var id cache.ActionID
	h.Sum(id[:0])
	return id, nil
}

// needsFromSource type-checks n with its function bodies and collects
// what each function and the initialisation refer to.
func (x *exporter) needsFromSource(n *exportNode) (*needs, error) {
	p := n.pkg
	fset := token.NewFileSet()
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p.ID, err)
		}
		files = append(files, f)
	}
	// Names only: the type of every expression is made of the types of
	// the objects named (a call's result is in the function's signature,
	// an element in its container's type, a local in its definition), so
	// recording each expression's (types.Info.Types, a third of the walk)
	// adds nothing.
	info := &types.Info{
		Uses: map[*ast.Ident]types.Object{},
		Defs: map[*ast.Ident]types.Object{},
	}
	var firstErr error
	tc := x.typesConfig(n, func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	})
	tpkg, _ := tc.Check(p.PkgPath, fset, files, info)
	if firstErr != nil {
		return nil, fmt.Errorf("%s: %v", p.ID, firstErr)
	}
	return collectNeeds(tpkg, info, files, x.modulePaths), nil
}

// span is a declaration whose needs are collected: a function (name) or
// the package's initialisation (init).
type span struct {
	pos, end token.Pos
	name     string
	init     bool
	objs     map[types.Object]bool
}

// collectNeeds attributes the objects that names refer to or define to
// the functions and initialisers they lie in. One pass over each of
// info's maps: walking every declaration's syntax and looking each node
// up cost three times as much.
func collectNeeds(tpkg *types.Package, info *types.Info, files []*ast.File, tracked map[string]bool) *needs {
	var spans []*span
	for _, f := range files {
		for _, d := range f.Decls {
			sp := &span{pos: d.Pos(), end: d.End(), objs: map[types.Object]bool{}}
			switch d := d.(type) {
			case *ast.FuncDecl:
				fn, _ := info.Defs[d.Name].(*types.Func)
				if fn == nil {
					continue
				}
				sp.name, sp.init = localName(fn), d.Recv == nil && d.Name.Name == "init"
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				sp.init = true
			}
			spans = append(spans, sp)
		}
	}
	slices.SortFunc(spans, func(a, b *span) int { return int(a.pos - b.pos) })
	at := func(pos token.Pos) *span {
		i, _ := slices.BinarySearchFunc(spans, pos, func(sp *span, pos token.Pos) int {
			switch {
			case sp.end <= pos:
				return -1
			case sp.pos > pos:
				return 1
			}
			return 0
		})
		if i < len(spans) && spans[i].pos <= pos && pos < spans[i].end {
			return spans[i]
		}
		return nil
	}
	for _, m := range []map[*ast.Ident]types.Object{info.Uses, info.Defs} {
		for id, obj := range m {
			if sp := at(id.Pos()); sp != nil && obj != nil {
				sp.objs[obj] = true
			}
		}
	}
	c := &collector{pkg: tpkg, tracked: tracked, methods: map[*types.Named][]string{}}
	nd := &needs{Funcs: map[string][]string{}}
	for _, sp := range spans {
		keys := c.collect(sp)
		if sp.init {
			nd.Init = append(nd.Init, keys...)
		} else {
			nd.Funcs[sp.name] = append(nd.Funcs[sp.name], keys...)
		}
	}
	return nd
}

// collector turns what a declaration uses into keys.
type collector struct {
	pkg     *types.Package
	tracked map[string]bool           // the paths of the modules' packages: the rest is the standard library's
	methods map[*types.Named][]string // the keys a named type's values need
	keys    map[string]bool
	seen    map[types.Type]bool
}

func (c *collector) collect(sp *span) []string {
	c.keys = map[string]bool{}
	c.seen = map[types.Type]bool{}
	for obj := range sp.objs {
		c.addObject(obj)
	}
	return slices.Collect(maps.Keys(c.keys))
}

func (c *collector) addObject(obj types.Object) {
	if obj == nil || obj.Pkg() == nil || !c.tracked[obj.Pkg().Path()] {
		return
	}
	switch obj := obj.(type) {
	case *types.Func:
		c.keys[funcKey(obj)] = true
	case *types.Var:
		if obj.Pkg() != c.pkg && (obj.IsField() || obj.Parent() == obj.Pkg().Scope()) {
			c.keys[obj.Pkg().Path()] = true
		}
	}
	c.addType(obj.Type())
}

// addType adds what a value of type t needs: the methods of the named
// types it is made of.
func (c *collector) addType(t types.Type) {
	if t == nil || c.seen[t] {
		return
	}
	c.seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		c.addType(types.Unalias(t))
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil && c.tracked[pkg.Path()] {
			for _, k := range c.methodKeys(t) {
				c.keys[k] = true
			}
		}
		for i := range t.TypeArgs().Len() {
			c.addType(t.TypeArgs().At(i))
		}
	case *types.Map:
		c.addType(t.Key())
		c.addType(t.Elem())
	case interface{ Elem() types.Type }: // pointer, slice, array, channel
		c.addType(t.Elem())
	case *types.Tuple:
		for i := range t.Len() {
			c.addType(t.At(i).Type())
		}
	case *types.Signature:
		c.addType(t.Params())
		c.addType(t.Results())
	case *types.Struct:
		for i := range t.NumFields() {
			c.addType(t.Field(i).Type())
		}
	}
}

// methodKeys returns the keys a value of named type t needs: its
// package, and every method of t and *t, promoted ones included.
func (c *collector) methodKeys(t *types.Named) []string {
	if keys, ok := c.methods[t]; ok {
		return keys
	}
	keys := []string{t.Obj().Pkg().Path()}
	sets := []*types.MethodSet{types.NewMethodSet(t)}
	if !types.IsInterface(t) {
		sets = append(sets, types.NewMethodSet(types.NewPointer(t)))
	}
	for _, ms := range sets {
		for i := range ms.Len() {
			if fn, ok := ms.At(i).Obj().(*types.Func); ok && fn.Pkg() != nil && c.tracked[fn.Pkg().Path()] {
				keys = append(keys, funcKey(fn))
			}
		}
	}
	c.methods[t] = keys
	return keys
}

// funcKey is fn's key: its package's path and its name there.
func funcKey(fn *types.Func) string {
	return fn.Pkg().Path() + "\x00" + localName(fn)
}

// localName is fn's name in its package: "f", or "T.m" for a method.
func localName(fn *types.Func) string {
	fn = fn.Origin()
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	if pt, ok := t.(*types.Pointer); ok {
		t = pt.Elem()
	}
	if nt, ok := types.Unalias(t).(*types.Named); ok {
		return nt.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}
