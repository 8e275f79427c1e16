package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/go/buildid"
	"honnef.co/go/tools/lintcmd/cache"
	"honnef.co/go/tools/lintcmd/runner"
)

// The module's own packages are never compiled by the go command. The
// runner needs export data for every package it type-checks against, and
// `go list -export` compiled the module's packages for it: after a
// one-file edit, the edited package and every package of the module that
// imports it, before anything was analysed (78% of the bench's edit run).
//
// Instead the packages driver lists everything without -export, asks the
// go command for the export data of the other modules' packages only (in
// the build cache after the first run; its answer is remembered, keyed by
// what the listing says of those packages) and writes the module's own
// export data itself: each package that another one imports is
// type-checked from source in dependency order with go/types, declarations
// only, against its imports' export data, and encoded with gcexportdata
// into reviewlint's cache, keyed by its files and its imports' export
// data. An unchanged package is a cache hit; an edit re-type-checks the
// edited package and the importers whose imports' export data changed.
// Packages nothing imports get no export data: the runner type-checks
// them anyway.
//
// An importer always reads its imports from their export data, even one
// type-checked a moment ago, so the export data of a package depends only
// on its files and its imports' export data (a round trip drops columns
// from positions): the same inputs give the same bytes, whichever run
// wrote them, and the runner's cache keys stay stable. The build ID in an
// export file is "<hash of the files>/<hash of the data>": the runner's
// loader hashes the first half as the package's files and the whole as
// an import, so an importer's importers keep their results while its
// export data stays the same.
//
// A package whose declarations do not type-check is handed to the go
// command, which compiles it as before: its error is the compiler's, word
// for word, and should the compiler accept what go/types does not, its
// export data is used. An error in a function body, or in a package that
// nothing imports, is the runner's to find (it fails the importers as
// before); compilerErrors then asks the go command for its words.
const (
	// RootExportEnv set to "off" makes the go command compile the
	// module's packages for their export data, as before (to compare, or
	// to rule this out when in doubt).
	RootExportEnv = "REVIEWLINT_ROOTEXPORT"
	// exportCacheEnv is the cache directory, set by the parent for the
	// driver when the driver writes the module's export data.
	exportCacheEnv = "REVIEWLINT_EXPORTCACHE"
	// stdLeaveOutEnv is "1" when the driver leaves the standard library
	// out (see pkgdriver.go).
	stdLeaveOutEnv = "REVIEWLINT_STDLEAVEOUT"
	stdOSEnv       = "REVIEWLINT_GOOS"
	stdVersionEnv  = "REVIEWLINT_GOVERSION" // e.g. go1.26.8
	modCacheEnv    = "REVIEWLINT_GOMODCACHE"

	// exportFormat changes when the key or the file layout does.
	exportFormat = "reviewlint export data 1"
)

// exportEnv returns the environment entries that make the driver write
// the module's export data into cacheDir, or nil when that is off.
func exportEnv(cacheDir string) []string {
	if cacheDir == "" || os.Getenv(RootExportEnv) == "off" {
		return nil
	}
	return []string{exportCacheEnv + "=" + cacheDir}
}

// ownPackage reports whether the driver writes p's export data: a package
// of the main module (or of a workspace's modules), test variants
// included. Vendored and other modules' packages, and the standard
// library, come from the go command.
func ownPackage(p *packages.Package) bool {
	return p.Module != nil && p.Module.Main
}

// exportNode is a package of the graph as the export step sees it.
type exportNode struct {
	pkg     *packages.Package
	own     bool
	needed  bool // another package imports it
	imports []*exportNode
	done    chan struct{} // closed when the fields below are set

	failed  bool   // no export data: it or an import failed
	buildID string // "<files>/<content>" of its export file ("" if none)
	export  string // the export file

	typesOnce sync.Once
	types     *types.Package
	typesErr  error

	needsKeyOnce sync.Once // lazydeps.go
	needsKey     cache.ActionID
	needsKeyErr  error
}

type exporter struct {
	cfg     *packages.Config // the driver's configuration
	cache   cache.Cache
	salt    string // reviewlint's build ID
	goVer   string // the toolchain, go1.26.8
	goos    string
	goarch  string
	fset    *token.FileSet
	readMu  sync.Mutex // export data is decoded one package at a time
	sem     chan struct{}
	nodes   map[*packages.Package]*exportNode
	errOnce sync.Once
	err     error // a system error (the cache, the go command)
	stats   *DriverStats
	// modulePaths are the paths of the graph's packages that belong to a
	// module, set before the walk of lazydeps.go.
	modulePaths map[string]bool
}

// DriverStats is what the packages driver did, for -debug-timing.
type DriverStats struct {
	// Process is the driver process from its start to its response
	// encoded, Encode the encoding (JSON, read back by go/packages).
	Process, Encode time.Duration
	List            time.Duration // go list (without export data when Exporting)
	Exporting       bool          // the driver wrote the module's export data
	Others          time.Duration // export data of other modules' packages
	Remembered      bool          // the go command's answer for those was remembered
	Own             time.Duration // export data of the module's packages
	// The module's packages whose export data was needed: type-checked
	// here, read from the cache, and handed to the compiler because
	// go/types rejected them.
	Checked, Cached, Compiled int
	// The walk that leaves out unreached dependencies (lazydeps.go):
	// its time, the packages whose needs it worked out from source and
	// read from the cache, the packages it left out, and why it left
	// nothing out ("" when it ran).
	Reach                     time.Duration
	NeedsChecked, NeedsCached int
	LeftOut                   int
	ReachOff                  string
	ReachRemembered           bool // the walk's result was read from the cache
	// Bytes of source of the packages type-checked (or about to be) when
	// the walk ended, of those it could leave out that it had not
	// reached, and of all the dependencies it could enter.
	ReachBytes [3]int64

	mu sync.Mutex
}

func (s *DriverStats) count(n *int) {
	s.mu.Lock()
	*n++
	s.mu.Unlock()
}

// addExportData sets ExportFile (or Errors) on every package of the graph
// rooted at roots that another package imports.
func addExportData(cfg *packages.Config, roots []*packages.Package, cacheDir string, stats *DriverStats) (*exporter, error) {
	c, err := cache.Open(cacheDir)
	if err != nil {
		return nil, fmt.Errorf("opening the cache: %v", err)
	}
	salt, err := executableID()
	if err != nil {
		return nil, err
	}
	x := &exporter{
		cfg:    cfg,
		cache:  resultCache{c, true},
		salt:   salt,
		goVer:  os.Getenv(stdVersionEnv),
		goos:   os.Getenv(stdOSEnv),
		goarch: os.Getenv(stdArchEnv),
		fset:   token.NewFileSet(),
		sem:    make(chan struct{}, runtime.GOMAXPROCS(0)),
		nodes:  map[*packages.Package]*exportNode{},
		stats:  stats,
	}
	var order []*exportNode // dependencies first
	packages.Visit(roots, nil, func(p *packages.Package) {
		n := &exportNode{pkg: p, own: ownPackage(p), done: make(chan struct{})}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			imp := x.nodes[p.Imports[path]]
			imp.needed = true
			n.imports = append(n.imports, imp)
		}
		x.nodes[p] = n
		order = append(order, n)
	})
	t0 := time.Now()
	if err := x.otherModules(order); err != nil {
		return nil, err
	}
	x.stats.Others = time.Since(t0)
	t0 = time.Now()
	var wg sync.WaitGroup
	for _, n := range order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, imp := range n.imports {
				<-imp.done
			}
			if n.own && n.needed {
				x.sem <- struct{}{}
				x.own(n)
				<-x.sem
			}
		}()
	}
	wg.Wait()
	x.stats.Own = time.Since(t0)
	if x.err != nil {
		return nil, x.err
	}
	for _, n := range order {
		if n.own && n.export != "" {
			n.pkg.ExportFile = n.export
		}
	}
	return x, nil
}

func (x *exporter) fail(err error) {
	x.errOnce.Do(func() { x.err = err })
}

// otherModules sets the export data of the packages of other modules
// that some package imports. The go command's answer is remembered: it
// depends only on what the listing says of those packages and on the
// build configuration, and asking costs a second go list over the whole
// dependency graph, as long as the rest of a warm run.
func (x *exporter) otherModules(order []*exportNode) error {
	var others []*exportNode
	for _, n := range order {
		if !n.own && n.needed && n.pkg.PkgPath != "unsafe" {
			others = append(others, n)
		}
	}
	if len(others) == 0 {
		return nil
	}
	key := x.listingKey(others)
	listed, ok := x.rememberedListing(key)
	x.stats.Remembered = ok
	if !ok {
		var err error
		if listed, err = x.listOtherModules(others); err != nil {
			return err
		}
		x.rememberListing(key, others, listed)
	}
	for _, n := range others {
		if e := listed[n.pkg.ID]; e != nil {
			n.export = e.ExportFile
			n.pkg.ExportFile = e.ExportFile
			if len(n.pkg.Errors) == 0 {
				n.pkg.Errors = e.Errors // a compile error
			}
		}
		n.failed = n.export == ""
		if !n.failed {
			x.buildID(n) // read once, before the importers ask concurrently
		}
	}
	return nil
}

// listOtherModules asks the go command for the export data of others,
// naming the topmost ones with -deps: they are in the build cache after
// the first run. A package nothing imports needs none: the runner hashes
// its files instead.
func (x *exporter) listOtherModules(others []*exportNode) (map[string]*packages.Package, error) {
	importedByOther := map[*exportNode]bool{} // by one that is listed too
	for _, n := range others {
		for _, imp := range n.imports {
			importedByOther[imp] = true
		}
	}
	var tops []string
	for _, n := range others {
		if !importedByOther[n] {
			tops = append(tops, n.pkg.ID)
		}
	}
	return x.goExport(tops, false, true)
}

// listingKey identifies the go command's answer for others: what the
// listing says of each (files, module, imports, errors) and the build
// configuration. Files in the module cache and GOROOT are named by path
// (they do not change under it); others (vendored, replaced by a
// directory) by content.
func (x *exporter) listingKey(others []*exportNode) cache.ActionID {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nlisting\nreviewlint %s\n%s %s/%s\nflags %q\n", exportFormat, x.salt, x.goVer, x.goos, x.goarch, x.cfg.BuildFlags)
	for _, kv := range slices.Sorted(slices.Values(os.Environ())) {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_") ||
			name == "CC" || name == "CXX" || name == "PKG_CONFIG" || name == "AR" {
			fmt.Fprintf(h, "env %q\n", kv)
		}
	}
	immutable := []string{}
	for _, dir := range []string{os.Getenv(modCacheEnv), os.Getenv(stdRootEnv)} {
		if dir != "" {
			immutable = append(immutable, filepath.Clean(dir)+string(filepath.Separator))
		}
	}
	for _, n := range others {
		p := n.pkg
		fmt.Fprintf(h, "package %q %q %q\n", p.ID, p.PkgPath, p.Name)
		if m := p.Module; m != nil {
			fmt.Fprintf(h, "module %q %q %q\n", m.Path, m.Version, m.Dir)
			if m.Replace != nil {
				fmt.Fprintf(h, "replace %q %q %q\n", m.Replace.Path, m.Replace.Version, m.Replace.Dir)
			}
		}
		for _, e := range p.Errors {
			fmt.Fprintf(h, "error %q %q\n", e.Pos, e.Msg)
		}
		for _, imp := range n.imports {
			fmt.Fprintf(h, "import %q\n", imp.pkg.ID)
		}
		for _, f := range p.CompiledGoFiles {
			if slices.ContainsFunc(immutable, func(dir string) bool { return strings.HasPrefix(f, dir) }) {
				fmt.Fprintf(h, "file %q\n", f)
				continue
			}
			fh, err := fileHash(f)
			if err != nil {
				fmt.Fprintf(h, "file %q %v\n", f, err)
				continue
			}
			fmt.Fprintf(h, "file %q %x\n", f, fh)
		}
	}
	var id cache.ActionID
	h.Sum(id[:0])
	return id
}

// listedPackage is what is remembered of the go command's answer for one
// package.
type listedPackage struct {
	ID, ExportFile string
	Errors         []packages.Error
}

func (x *exporter) rememberedListing(key cache.ActionID) (map[string]*packages.Package, bool) {
	data, _, err := cache.GetBytes(x.cache, key)
	if err != nil {
		return nil, false
	}
	var pkgs []listedPackage
	if err := json.Unmarshal(data, &pkgs); err != nil {
		return nil, false
	}
	listed := map[string]*packages.Package{}
	for _, lp := range pkgs {
		if lp.ExportFile != "" {
			if _, err := os.Stat(lp.ExportFile); err != nil {
				return nil, false // the build cache was trimmed or cleaned
			}
		}
		listed[lp.ID] = &packages.Package{ID: lp.ID, ExportFile: lp.ExportFile, Errors: lp.Errors}
	}
	return listed, true
}

func (x *exporter) rememberListing(key cache.ActionID, others []*exportNode, listed map[string]*packages.Package) {
	pkgs := make([]listedPackage, 0, len(others))
	for _, n := range others {
		if e := listed[n.pkg.ID]; e != nil {
			pkgs = append(pkgs, listedPackage{ID: e.ID, ExportFile: e.ExportFile, Errors: e.Errors})
		}
	}
	data, err := json.Marshal(pkgs)
	if err == nil {
		_ = cache.PutBytes(x.cache, key, data) // best effort: next time go list answers again
	}
}

// goExport lists patterns with -export (and -deps, -test when asked), as
// go/packages would for the runner, and returns the packages by ID.
func (x *exporter) goExport(patterns []string, tests, deps bool) (map[string]*packages.Package, error) {
	// -compiled, as the runner's listing: a cgo package then imports
	// what cmd/cgo adds (runtime/cgo, syscall), and those are listed too.
	mode := packages.NeedName | packages.NeedExportFile | packages.NeedCompiledGoFiles
	if deps {
		mode |= packages.NeedImports | packages.NeedDeps
	}
	cfg := &packages.Config{
		Mode:       mode,
		Dir:        x.cfg.Dir,
		Env:        x.cfg.Env,
		BuildFlags: x.cfg.BuildFlags,
		Tests:      tests,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	byID := map[string]*packages.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) { byID[p.ID] = p })
	return byID, nil
}

// own produces n's export data: from the cache, else by type-checking it.
func (x *exporter) own(n *exportNode) {
	p := n.pkg
	if len(p.Errors) > 0 || len(p.CompiledGoFiles) == 0 {
		n.failed = true // go list's error is the package's
		return
	}
	for _, imp := range n.imports {
		if imp.failed && imp.pkg.PkgPath != "unsafe" {
			n.failed = true // the runner names the import to blame
			return
		}
	}
	files, err := x.filesHash(p)
	if err != nil {
		x.fail(err)
		n.failed = true
		return
	}
	key := x.exportKey(n, files)
	if file, _, err := cache.GetFile(x.cache, key); err == nil {
		if id, err := buildid.ReadFile(file); err == nil && strings.HasPrefix(id, files+"/") {
			n.export, n.buildID = file, id
			x.stats.count(&x.stats.Cached)
			return
		}
	}
	x.stats.count(&x.stats.Checked)
	tpkg, errs := x.check(n)
	if len(errs) > 0 {
		x.stats.count(&x.stats.Compiled)
		x.compileInstead(n, errs)
		return
	}
	var payload bytes.Buffer
	if err := gcexportdata.Write(&payload, x.fset, tpkg); err != nil {
		x.compileInstead(n, []error{err})
		return
	}
	sum := sha256.Sum256(payload.Bytes())
	id := files + "/" + hex.EncodeToString(sum[:])
	out, _, err := x.cache.Put(key, bytes.NewReader(exportFile(x.goos, x.goarch, x.goVer, id, payload.Bytes())))
	if err != nil {
		x.fail(fmt.Errorf("caching export data of %s: %v", p.ID, err))
		n.failed = true
		return
	}
	n.export, n.buildID = x.cache.OutputFile(out), id
}

// filesHash identifies what n's own export data depends on besides its
// imports: its files, its language version, the toolchain and reviewlint.
// It is also the first half of the build ID, which the runner hashes in
// place of the package's files.
func (x *exporter) filesHash(p *packages.Package) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nreviewlint %s\n%s %s/%s\nGOEXPERIMENT=%s GODEBUG=%s\n", exportFormat, x.salt, x.goVer, x.goos, x.goarch, os.Getenv("GOEXPERIMENT"), os.Getenv("GODEBUG"))
	fmt.Fprintf(h, "id %q path %q name %q\n", p.ID, p.PkgPath, p.Name)
	if p.Module != nil {
		fmt.Fprintf(h, "go %q\n", p.Module.GoVersion)
	}
	for _, f := range p.CompiledGoFiles {
		fh, err := fileHash(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "file %q %x\n", f, fh)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// exportKey is the cache key of n's export data: its files and the export
// data of its imports (their content, not how it was made).
func (x *exporter) exportKey(n *exportNode, files string) cache.ActionID {
	h := sha256.New()
	fmt.Fprintf(h, "%s\nexport %s\n", exportFormat, files)
	for _, imp := range n.imports {
		fmt.Fprintf(h, "import %q %s\n", imp.pkg.ID, contentID(x.buildID(imp)))
	}
	var id cache.ActionID
	h.Sum(id[:0])
	return id
}

// buildID returns the build ID of n's export data: the one written in
// it (the go command's, or ours), else a hash of the file.
func (x *exporter) buildID(n *exportNode) string {
	if n.buildID != "" || n.export == "" {
		return n.buildID
	}
	if id, err := buildid.ReadFile(n.export); err == nil && strings.Contains(id, "/") {
		n.buildID = id
	} else if fh, err := fileHash(n.export); err == nil {
		n.buildID = "/" + hex.EncodeToString(fh)
	}
	return n.buildID
}

// fileHash is the SHA-256 of file's content (never remembered by path, as
// cache.FileHash is: a test edits files between two runs in one process).
func fileHash(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// contentID is the part of a build ID that names the content.
func contentID(id string) string {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// check type-checks n from source against its imports' export data.
func (x *exporter) check(n *exportNode) (*types.Package, []error) {
	p := n.pkg
	var errs []error
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(x.fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, []error{err}
		}
		files = append(files, f)
	}
	tc := x.typesConfig(n, func(err error) { errs = append(errs, err) })
	// Export data has no bodies. An error in one is the runner's to find
	// when it type-checks the package (and then fails its importers as
	// before).
	tc.IgnoreFuncBodies = true
	tpkg, _ := tc.Check(p.PkgPath, x.fset, files, nil)
	return tpkg, errs
}

// typesConfig type-checks n against its imports' export data, as the
// runner's loader does, reporting errors to onErr.
func (x *exporter) typesConfig(n *exportNode, onErr func(error)) *types.Config {
	p := n.pkg
	imports := map[string]*exportNode{}
	for path, imp := range p.Imports {
		imports[path] = x.nodes[imp]
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no package for import %q", path)
			}
			return x.typesOf(imp)
		}),
		Sizes: p.TypesSizes,
		Error: onErr,
	}
	if tc.Sizes == nil {
		tc.Sizes = types.SizesFor("gc", x.goarch)
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion // as the runner's loader does
	}
	return tc
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// typesOf decodes n's export data, with everything it imports, directly
// or not, decoded first and handed to the decoder: every package exists
// once, whoever imports it.
func (x *exporter) typesOf(n *exportNode) (*types.Package, error) {
	n.typesOnce.Do(func() {
		if n.pkg.PkgPath == "unsafe" {
			n.types = types.Unsafe
			return
		}
		if n.export == "" {
			n.typesErr = fmt.Errorf("no export data for %s", n.pkg.ID)
			return
		}
		m := map[string]*types.Package{}
		var walk func(*exportNode) error
		seen := map[*exportNode]bool{}
		walk = func(d *exportNode) error {
			for _, imp := range d.imports {
				if seen[imp] {
					continue
				}
				seen[imp] = true
				t, err := x.typesOf(imp)
				if err != nil {
					return err
				}
				m[imp.pkg.PkgPath] = t
				if err := walk(imp); err != nil {
					return err
				}
			}
			return nil
		}
		if n.typesErr = walk(n); n.typesErr != nil {
			return
		}
		n.types, n.typesErr = x.read(n, m)
	})
	return n.types, n.typesErr
}

func (x *exporter) read(n *exportNode, m map[string]*types.Package) (*types.Package, error) {
	f, err := os.Open(n.export)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The runner's loader (honnef.co/go/tools/go/loader) reads these same
	// files, the go command's archives and ours laid out like them, with
	// NewReader; reading them any other way could disagree with it.
	r, err := gcexportdata.NewReader(f) //nolint:staticcheck // SA1019: see above; revisit when the loader moves off it (Go 1.29)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", n.pkg.ID, err)
	}
	x.readMu.Lock()
	defer x.readMu.Unlock()
	return gcexportdata.Read(r, x.fset, m, n.pkg.PkgPath)
}

// compileInstead hands n, which go/types rejects, to the go command: its
// error is then the compiler's, as before; should the compiler accept it,
// its export data stands in.
func (x *exporter) compileInstead(n *exportNode, errs []error) {
	p := n.pkg
	pattern, tests := goPattern(p.ID, p.PkgPath)
	listed, err := x.goExport([]string{pattern}, tests, false)
	if err != nil {
		x.fail(err)
		n.failed = true
		return
	}
	if e := listed[p.ID]; e != nil {
		if e.ExportFile != "" && len(e.Errors) == 0 {
			n.export = e.ExportFile
			x.buildID(n)
			return
		}
		p.Errors = e.Errors
	}
	if len(p.Errors) == 0 {
		for _, err := range errs {
			p.Errors = append(p.Errors, typeError(err))
		}
	}
	n.failed = true
}

// typeError converts an error of go/parser or go/types as go/packages does.
func typeError(err error) packages.Error {
	var te types.Error
	var sl scanner.ErrorList
	switch {
	case errors.As(err, &te):
		return packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError}
	case errors.As(err, &sl) && len(sl) > 0:
		return packages.Error{Pos: sl[0].Pos.String(), Msg: sl[0].Msg, Kind: packages.ParseError}
	}
	return packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError}
}

// exportFile lays out export data as the go command's export files are:
// an archive whose __.PKGDEF member has an object header with the build
// ID, then the data. gcexportdata.NewReader finds the data in it, and the
// runner's loader reads the build ID to hash the package and its
// importers.
func exportFile(goos, goarch, goVersion, id string, payload []byte) []byte {
	var member bytes.Buffer
	fmt.Fprintf(&member, "go object %s %s %s reviewlint\n", goos, goarch, goVersion)
	fmt.Fprintf(&member, "build id %s\n", strconv.Quote(id))
	member.WriteString("$$B\n") // the payload starts with its format, 'i'
	member.Write(payload)
	member.WriteString("\n$$\n")
	var out bytes.Buffer
	out.WriteString("!<arch>\n")
	fmt.Fprintf(&out, "%-16s%-12d%-6d%-6d%-8o%-10d`\n", "__.PKGDEF", 0, 0, 0, 0o644, member.Len())
	out.Write(member.Bytes())
	if member.Len()%2 == 1 {
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// goPattern is what to name to the go command for the package with id:
// its import path, or for a test variant ("p [q.test]") the package under
// test, with -test.
func goPattern(id, pkgPath string) (pattern string, tests bool) {
	if i := strings.Index(id, " ["); i >= 0 {
		return strings.TrimSuffix(strings.TrimSuffix(id[i+2:], "]"), ".test"), true
	}
	return pkgPath, false
}

// compilerErrors replaces the errors of the packages that the runner
// itself failed to parse or type-check with the compiler's, as go list
// reports them. The module's packages that nothing imports no longer pass
// through the compiler before the runner sees them; their errors read as
// they did (`syntax error: unexpected {`, paths relative to the directory)
// at the cost of one go command on this path only.
func compilerErrors(opts Options, results []runner.Result) {
	var patterns, ids []string
	tests := false
	for _, res := range results {
		if !res.Failed || len(res.Errors) == 0 || !fromSource(res.Errors) {
			continue
		}
		pat, test := goPattern(res.Package.ID, res.Package.PkgPath)
		tests = tests || test
		if !slices.Contains(patterns, pat) {
			patterns = append(patterns, pat)
		}
		ids = append(ids, res.Package.ID)
	}
	if len(ids) == 0 {
		return
	}
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedExportFile,
		Dir:        opts.Dir,
		Tests:      tests,
		BuildFlags: buildFlags(opts),
		Env:        append(os.Environ(), "GOPACKAGESDRIVER=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return // keep the runner's errors
	}
	byID := map[string]*packages.Package{}
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	for i := range results {
		p := byID[results[i].Package.ID]
		if p == nil || len(p.Errors) == 0 || !slices.Contains(ids, p.ID) {
			continue
		}
		errs := make([]error, len(p.Errors))
		for j, e := range p.Errors {
			errs[j] = e
		}
		results[i].Errors = errs
	}
}

// fromSource reports whether errs are all the parser's or the type
// checker's, as the runner's loader reports them.
func fromSource(errs []error) bool {
	for _, err := range errs {
		e, ok := err.(packages.Error)
		if !ok || e.Kind != packages.ParseError && e.Kind != packages.TypeError {
			return false
		}
	}
	return true
}
