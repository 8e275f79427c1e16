// Package driver loads packages and runs analyzers over them.
//
// It is built on staticcheck's runner (honnef.co/go/tools/lintcmd/runner)
// and its content-addressed cache (lintcmd/cache, a copy of the go command's
// build cache). The runner plans a package graph, analyses packages in
// parallel from the leaves up, loads dependencies from export data, shares
// each package's SSA and facts across analyzers, and caches facts and
// diagnostics per package keyed by the package's content, its dependencies'
// facts, the Go version and a salt. That cache is why a re-run on unchanged
// code costs about a second: the same reason staticcheck's does.
package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"honnef.co/go/tools/config"
	"honnef.co/go/tools/go/loader"
	"honnef.co/go/tools/lintcmd/cache"
	"honnef.co/go/tools/lintcmd/runner"

	"github.com/reviewlint/reviewlint/internal/report"
)

// Options say what to analyse and how.
type Options struct {
	// Dir is the directory the go command runs in ("" = current).
	Dir string
	// Patterns are go/packages patterns ("./...", "std", import paths).
	Patterns []string
	// Tags are build tags passed as -tags.
	Tags []string
	// Tests includes _test.go files (and test packages).
	Tests bool
	// Cache selects the persistent result cache; when false a temporary
	// cache is used for the run (the runner needs one for facts) and removed.
	Cache bool
	// CacheDir overrides the cache location (default: DefaultCacheDir()).
	CacheDir string
	// Salt distinguishes results that depend on more than the code: the
	// effective configuration and the host's options. The reviewlint binary's
	// build ID is always added.
	Salt string
	// Progress, when set, is called about every 200ms while packages are
	// analysed.
	Progress func(Progress)
	// Timing, when set, receives one line per (analyzer, package) run.
	Timing func(analyzer, pkg string, d time.Duration)
	// StdFacts, when set and fitting the toolchain, stands in for an
	// analysis of the standard library (see pkgdriver.go).
	StdFacts StdFacts
	// LinkFacts are packages whose importers, direct or not, stay
	// analysed when dependencies nothing reaches are left out: their
	// package facts say what a program links.
	LinkFacts []string
}

// Progress is a snapshot of the runner's counters.
type Progress struct {
	Phase                 string // "loading", "analysing", "finishing"
	Done, Total           int    // packages, dependencies included
	InitialDone, Initials int    // packages named by the patterns
}

// Diagnostic is one reported diagnostic with resolved positions.
type Diagnostic = runner.Diagnostic

// Output is what a run produced, before configuration maps categories to
// rules and severities.
type Output struct {
	Diagnostics []Diagnostic
	Errors      []report.PackageError
	// Packages is the number of packages named by the patterns that were
	// analysed (test variants included).
	Packages int
	// LoadTime is the time spent in `go list` and planning.
	LoadTime time.Duration
	// Driver is what the packages driver did during the load, when
	// Options.Timing is set and reviewlint is its own driver.
	Driver *DriverStats
}

// CacheError is a cache directory that cannot be used (REVIEWLINT_CACHE
// not absolute, not a directory, not writable): a configuration error.
type CacheError struct{ Err error }

func (e CacheError) Error() string { return "cache: " + e.Err.Error() }
func (e CacheError) Unwrap() error { return e.Err }

// DefaultCacheDir is $REVIEWLINT_CACHE, or "reviewlint" in the user cache
// directory.
func DefaultCacheDir() (string, error) {
	if d := os.Getenv("REVIEWLINT_CACHE"); d != "" {
		if !filepath.IsAbs(d) {
			return "", fmt.Errorf("REVIEWLINT_CACHE is not an absolute path: %q", d)
		}
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (set REVIEWLINT_CACHE): %v", err)
	}
	return filepath.Join(d, "reviewlint"), nil
}

// CacheDisabledByEnv reports whether REVIEWLINT_CACHE=off.
func CacheDisabledByEnv() bool { return os.Getenv("REVIEWLINT_CACHE") == "off" }

// CleanCache removes the persistent cache directory.
func CleanCache() (string, error) {
	dir, err := DefaultCacheDir()
	if err != nil {
		return "", err
	}
	return dir, os.RemoveAll(dir)
}

// Run analyses the packages matched by opts.Patterns with analyzers.
//
// It trusts the cache's entries as the go command trusts its own (size
// checked, content not hashed: hashing was 290 ms of jaeger's 1.4 s warm
// run). An entry damaged on disk fails to decode, which fails the package
// with a runner error rather than an error of the code; then the run is
// repeated once with every hit verified (resultCache), so the damaged
// entries are misses, analysed again and rewritten, and the output is the
// clean run's.
func Run(opts Options, analyzers []*analysis.Analyzer) (*Output, error) {
	c, cacheDir, cleanup, err := openCache(opts)
	if err != nil {
		return nil, CacheError{err}
	}
	defer cleanup()
	out, damaged, err := runWith(opts, analyzers, resultCache{c, false}, cacheDir)
	if damaged {
		out, _, err = runWith(opts, analyzers, resultCache{c, true}, cacheDir)
	}
	return out, err
}

// runWith is one run over cache c. damaged reports a failure that is the
// cache's, not the code's: a runner error or results that do not decode.
func runWith(opts Options, analyzers []*analysis.Analyzer, c cache.Cache, cacheDir string) (out *Output, damaged bool, err error) {
	salt, err := salt(opts.Salt)
	if err != nil {
		return nil, false, err
	}
	// The salt is process-global in lintcmd/cache; reviewlint runs one
	// configuration per process.
	cache.SetSalt(salt)

	r, err := runner.New(config.Config{}, c)
	if err != nil {
		return nil, false, err
	}
	r.GoVersion = "module"
	if opts.Timing != nil {
		r.Stats.PrintAnalyzerMeasurement = func(a *analysis.Analyzer, p *loader.PackageSpec, d time.Duration) {
			opts.Timing(a.Name, p.ID, d)
		}
	}
	cfg := packagesConfig(opts, cacheDir)
	statsFile := ""
	if opts.Timing != nil && cfg.Env != nil {
		statsFile = filepath.Join(cacheDir, fmt.Sprintf("driverstats-%d.json", os.Getpid()))
		cfg.Env = append(cfg.Env, statsEnv+"="+statsFile)
	}
	w := watch(r, opts.Progress)
	gc := paceGC()
	results, err := r.Run(cfg, analyzers, opts.Patterns)
	gc.stop()
	w.stop()
	out = &Output{LoadTime: w.loadTime()}
	if statsFile != "" {
		out.Driver = readStats(statsFile)
		os.Remove(statsFile)
	}
	if err != nil {
		// The loader failed as a whole (go list exited non-zero): report
		// the go command's own words, like go vet, as a load error.
		out.Errors = append(out.Errors, report.PackageError{Kind: report.ErrGo, Message: goListMessage(opts, err)})
		return out, false, nil
	}
	if slices.Contains(cfg.Env, exportCacheEnv+"="+cacheDir) {
		compilerErrors(opts, results)
	}
	var seen variants
	initials := 0
	failed := map[string]bool{}
	for _, res := range results {
		if res.Failed {
			failed[res.Package.ID] = true
			damaged = damaged || slices.ContainsFunc(res.Errors, isRunnerError)
		}
	}
	for _, res := range results {
		if res.Initial {
			initials++
		}
		if err := collect(out, &seen, res, opts.Patterns, failed); err != nil {
			return nil, true, err
		}
	}
	out.Diagnostics = seen.diagnostics()
	if initials == 0 {
		// go list -e exits 0 and lists nothing when module resolution
		// fails ("toolchain upgrade needed") or nothing matches; its stderr
		// is the only trace. A run that analysed nothing must not pass.
		out.Errors = append(out.Errors, report.PackageError{Kind: report.ErrGo, Message: goListMessage(opts, nil)})
	}
	return out, damaged, nil
}

// isRunnerError reports whether err is the runner's own (facts that do
// not decode, a hash it could not compute) rather than the loader's
// report of the code (packages.Error: a parse, type or list error).
func isRunnerError(err error) bool {
	var pe packages.Error
	return !errors.As(err, &pe)
}

func packagesConfig(opts Options, cacheDir string) *packages.Config {
	return &packages.Config{Dir: opts.Dir, Tests: opts.Tests, BuildFlags: buildFlags(opts), Env: driverEnv(opts, cacheDir)}
}

func buildFlags(opts Options) []string {
	if len(opts.Tags) > 0 {
		return []string{"-tags=" + strings.Join(opts.Tags, ",")}
	}
	return nil
}

// collect adds one package's result to out: its diagnostics when it is a
// package the user named, its errors when it failed.
func collect(out *Output, seen *variants, res runner.Result, patterns []string, failed map[string]bool) error {
	if res.Failed {
		kind := ""
		if res.Initial && isBadPattern(res.Package.ID, patterns) {
			kind = report.ErrPattern // go list names the package after the pattern it could not resolve
		}
		for _, e := range res.Errors {
			pe := packageError(res.Package, e)
			pe.Kind = kind
			out.Errors = append(out.Errors, pe)
		}
		// The test main the go command generates ("p.test") fails with
		// the package under test, which is already named.
		if len(res.Errors) == 0 && res.Initial && !strings.HasSuffix(res.Package.ID, ".test") {
			out.Errors = append(out.Errors, report.PackageError{Package: res.Package.ID, Message: failedDepsMessage(res.Package, failed)})
		}
		return nil
	}
	if !res.Initial || res.Skipped {
		return nil
	}
	out.Packages++
	data, err := res.Load()
	if err != nil {
		return fmt.Errorf("reading cached results of %s: %w", res.Package, err)
	}
	for _, d := range data.Diagnostics {
		if isGenerated(d.Position) {
			continue
		}
		seen.add(res.Package, d)
	}
	return nil
}

// failedDepsMessage explains a package the runner skipped without an error
// of its own because a dependency failed: the user named it, so it must be
// named as not analysed, with the imports to blame.
func failedDepsMessage(spec *loader.PackageSpec, failed map[string]bool) string {
	var deps []string
	for _, imp := range spec.Imports {
		if failed[imp.ID] {
			deps = append(deps, imp.ID)
		}
	}
	if len(deps) == 0 {
		return "not analysed: a dependency failed to load"
	}
	slices.Sort(deps)
	return "not analysed: it imports " + strings.Join(deps, ", ") + ", which failed to load"
}

// isBadPattern reports whether id is a command-line pattern that names
// nothing by its form: a directory that does not exist, or a string that
// is not an import path at all ("[", "a b", "-x"). go list reports either
// as a package named after the pattern. A well-formed import path that no
// module provides is a load failure, not a bad argument.
func isBadPattern(id string, patterns []string) bool {
	return isLocalPattern(id, patterns) ||
		slices.Contains(patterns, id) && module.CheckImportPath(id) != nil
}

// isLocalPattern reports whether id is one of the command line's directory
// patterns ("./x", "../y/...", "/abs"), as go list names a pattern that
// matched no directory.
func isLocalPattern(id string, patterns []string) bool {
	for _, p := range patterns {
		if p == id && (strings.HasPrefix(p, ".") || filepath.IsAbs(p)) {
			return true
		}
	}
	return false
}

// variants keeps one diagnostic per (rule, position) across a package and
// its test variants, which analyse the same non-test files: the variant
// that includes the package's own tests wins, since its counts and paths
// cover the most code ("31 of its 41 accesses", not "31 of its 32").
type variants struct {
	best  map[variantKey]variantPick
	order []variantKey
}

// internalError is the category of a recovered panic (policy.InternalError
// in package analyzers/internal/host/policy, which the driver cannot import).
const internalError = "reviewlint/internal-error"

// settingDiagnostic is the category of a setting the analysed code
// contradicts (settingerr.Category, likewise out of the driver's reach).
const settingDiagnostic = "reviewlint/setting"

type variantKey struct {
	category, file string
	line, column   int
	// message tells apart internal errors and setting diagnostics, which
	// all sit at the package clause: one per engine or analyzer that
	// failed, one per setting.
	message string
}

type variantPick struct {
	d    Diagnostic
	rank int
	id   string
}

func (v *variants) add(spec *loader.PackageSpec, d Diagnostic) {
	if v.best == nil {
		v.best = map[variantKey]variantPick{}
	}
	k := variantKey{d.Category, d.Position.Filename, d.Position.Line, d.Position.Column, ""}
	if d.Category == internalError || d.Category == settingDiagnostic {
		k.message = d.Message
	}
	p := variantPick{d: d, rank: variantRank(spec), id: spec.ID}
	old, ok := v.best[k]
	switch {
	case !ok:
		v.order = append(v.order, k)
	case old.rank > p.rank, old.rank == p.rank && old.id <= p.id:
		return // deterministic: higher rank, then the smaller package ID
	}
	v.best[k] = p
}

// variantRank orders a package's variants: the plain package, a variant
// recompiled for another package's test, the package's own test variant.
func variantRank(spec *loader.PackageSpec) int {
	switch {
	case spec.ID == spec.PkgPath+" ["+spec.PkgPath+".test]":
		return 2
	case spec.ID != spec.PkgPath:
		return 1
	}
	return 0
}

func (v *variants) diagnostics() []Diagnostic {
	out := make([]Diagnostic, 0, len(v.order))
	for _, k := range v.order {
		out = append(out, v.best[k].d)
	}
	return out
}

// isGenerated drops diagnostics in files the go command generated (the test
// main of a test binary, cgo output): they live in the build cache, not in
// the user's tree.
func isGenerated(p token.Position) bool {
	return p.Filename == "" || !strings.HasSuffix(p.Filename, ".go") ||
		strings.Contains(filepath.ToSlash(p.Filename), "/go-build/")
}

var posPrefix = regexp.MustCompile(`^(.+?\.go:\d+(:\d+)?):\s*`)

// packageError renders a load or type error like the compiler does:
// "file:line:col: message".
func packageError(spec *loader.PackageSpec, err error) report.PackageError {
	pe := report.PackageError{Package: spec.ID, Message: err.Error()}
	if e, ok := err.(packages.Error); ok {
		msg := stripPackageHeader(strings.TrimPrefix(e.Msg, "\n"))
		if e.Pos != "" && !posPrefix.MatchString(msg) {
			msg = e.Pos + ": " + msg
		}
		pe.Message = msg
	}
	return pe
}

// stripPackageHeader drops the "# import/path" line the go command puts
// before compiler output; the package is reported separately.
func stripPackageHeader(msg string) string {
	lines := strings.Split(msg, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, "# ") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// goListMessage recovers the go command's own message for a load that
// failed or listed nothing: go/packages keeps go list's stderr to itself,
// so go list runs again the same way (only on this failure path). err is
// the loader's error, the fallback when go list says nothing.
func goListMessage(opts Options, err error) string {
	args := []string{"list", "-e", "-f", "{{.ImportPath}}"}
	args = append(args, buildFlags(opts)...)
	if opts.Tests {
		args = append(args, "-test")
	}
	cmd := exec.Command("go", append(args, opts.Patterns...)...)
	cmd.Dir = opts.Dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	if msg := goStderr(stderr.String()); msg != "" {
		return msg
	}
	switch {
	case err != nil:
		return err.Error()
	case runErr != nil:
		return fmt.Sprintf("go list: %v", runErr)
	}
	return fmt.Sprintf("go: %s matched no packages", strings.Join(opts.Patterns, " "))
}

// goStderr drops the go command's progress lines ("go: downloading ...",
// "go: finding module ...") from its stderr; what is left is the failure.
func goStderr(s string) string {
	var kept []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if strings.HasPrefix(l, "go: downloading ") || strings.HasPrefix(l, "go: finding module for package ") {
			continue
		}
		kept = append(kept, l)
	}
	return strings.TrimSpace(strings.Join(kept, "\n"))
}

// openCache opens the persistent cache, or a throwaway one, and returns
// its directory.
func openCache(opts Options) (*cache.DiskCache, string, func(), error) {
	if !opts.Cache || CacheDisabledByEnv() {
		dir, err := os.MkdirTemp("", "reviewlint-cache-")
		if err != nil {
			return nil, "", nil, err
		}
		c, err := cache.Open(dir)
		return c, dir, func() { os.RemoveAll(dir) }, err
	}
	dir := opts.CacheDir
	if dir == "" {
		var err error
		if dir, err = DefaultCacheDir(); err != nil {
			return nil, "", nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, "", nil, fmt.Errorf("creating cache directory: %w", err)
	}
	writeReadme(dir)
	c, err := cache.Open(dir)
	if err != nil {
		return nil, "", nil, err
	}
	return c, dir, func() { c.Trim(); c.Close() }, nil
}

// resultCache is the disk cache as the runner sees it.
//
// A data file is named by its output ID, the SHA-256 of the content Put
// stored, which is also the hash the runner computes of every dependency's
// facts file (cache.FileHash) for each importer's action key. resultCache
// tells FileHash that hash on every hit and store, so a warm run reads no
// facts file just to hash it.
//
// With verify, every hit's content is hashed and checked against its
// output ID. The runner reads hits with cache.GetFile, which checks only
// the size, so a data file overwritten with junk (a disk error, a crash
// mid-write, a stray tool) was decoded as facts or results and failed every
// package that depends on it. A mismatch is a miss: the package is analysed
// again and its entry rewritten. Run verifies only to repeat a run that
// such an entry failed; the module's own export data (rootexport.go), which
// would fail as type errors instead, is always verified.
type resultCache struct {
	*cache.DiskCache
	verify bool
}

var errCorruptEntry = errors.New("cache entry does not match its hash")

func (c resultCache) Get(id cache.ActionID) (cache.Entry, error) {
	e, err := c.DiskCache.Get(id)
	if err != nil {
		return cache.Entry{}, err
	}
	if c.verify {
		if err := c.check(e); err != nil {
			return cache.Entry{}, err
		}
	}
	c.knowHash(e.OutputID)
	return e, nil
}

func (c resultCache) Put(id cache.ActionID, file io.ReadSeeker) (cache.OutputID, int64, error) {
	out, size, err := c.DiskCache.Put(id, file)
	if err == nil {
		c.knowHash(out)
	}
	return out, size, err
}

// check hashes e's data file and compares it with its output ID.
func (c resultCache) check(e cache.Entry) error {
	f, err := os.Open(c.OutputFile(e.OutputID))
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if !bytes.Equal(h.Sum(nil), e.OutputID[:]) {
		return errCorruptEntry
	}
	return nil
}

// knowHash records out's data file's hash for cache.FileHash: its name.
func (c resultCache) knowHash(out cache.OutputID) {
	cache.SetFileHash(c.OutputFile(out), out)
}

func writeReadme(dir string) {
	p := filepath.Join(dir, "README")
	if _, err := os.Stat(p); err == nil {
		return
	}
	// Best effort: the README only explains the directory to a curious user.
	_ = os.WriteFile(p, []byte("This directory holds reviewlint's cached analysis results.\nRemove it at any time, or run `reviewlint clean-cache`.\n"), 0o666)
}

// salt combines the binary's build ID (so a rebuilt reviewlint never reuses
// results of another build) with the caller's salt.
func salt(extra string) ([]byte, error) {
	id, err := executableID()
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "reviewlint\x00%s\x00%s", id, extra)
	return []byte(hex.EncodeToString(h.Sum(nil))), nil
}

var (
	exeIDOnce sync.Once
	exeID     string
	exeIDErr  error
)

// goBuildID returns the Go build ID the linker writes near the start of
// an executable: an ELF note named "Go" of type 4, or elsewhere the text
// `\xff Go build ID: "..."`; "" if it finds neither. (lintcmd's
// buildid.ReadFile reads object files and rejects Go 1.26's executables;
// hashing the 19 MB binary instead cost 15 ms in each of a run's two
// processes.)
func goBuildID(exe string) string {
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if i := bytes.Index(head, []byte("Go\x00\x00")); i >= 12 {
		namesz := binary.LittleEndian.Uint32(head[i-12:])
		descsz := int(binary.LittleEndian.Uint32(head[i-8:]))
		typ := binary.LittleEndian.Uint32(head[i-4:])
		if namesz == 4 && typ == 4 && descsz > 0 && i+4+descsz <= len(head) {
			return string(head[i+4 : i+4+descsz])
		}
	}
	const prefix, suffix = "\xff Go build ID: \"", "\"\n \xff"
	_, rest, ok := bytes.Cut(head, []byte(prefix))
	if !ok {
		return ""
	}
	id, _, ok := bytes.Cut(rest, []byte(suffix))
	if !ok || len(id) == 0 {
		return ""
	}
	return string(id)
}

func executableID() (string, error) {
	exeIDOnce.Do(func() {
		p, err := os.Executable()
		if err != nil {
			exeIDErr = err
			return
		}
		if id := goBuildID(p); id != "" {
			exeID = id
			return
		}
		// No build ID (e.g. a stripped binary): hash the whole file.
		f, err := os.Open(p)
		if err != nil {
			exeIDErr = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			exeIDErr = err
			return
		}
		exeID = hex.EncodeToString(h.Sum(nil))
	})
	return exeID, exeIDErr
}

// watcher polls the runner's counters: for the progress callback, and to
// time the loading phase (the runner has no hook for phase changes).
type watcher struct {
	done   chan struct{}
	wg     sync.WaitGroup
	start  time.Time
	loaded time.Duration
}

func watch(r *runner.Runner, progress func(Progress)) *watcher {
	w := &watcher{done: make(chan struct{}), start: time.Now()}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for tick := 0; ; tick++ {
			select {
			case <-w.done:
				return
			case <-t.C:
			}
			p := snapshot(r)
			if w.loaded == 0 && p.Phase != "loading" {
				w.loaded = time.Since(w.start)
			}
			if progress != nil && tick%10 == 9 {
				progress(p)
			}
		}
	}()
	return w
}

func (w *watcher) stop() { close(w.done); w.wg.Wait() }

// loadTime is the time until the runner started analysing; the whole run
// if it never did (nothing to analyse).
func (w *watcher) loadTime() time.Duration {
	if w.loaded == 0 {
		return time.Since(w.start)
	}
	return w.loaded
}

func snapshot(r *runner.Runner) Progress {
	p := Progress{
		Done: r.Stats.ProcessedPackages(), Total: r.Stats.TotalPackages(),
		InitialDone: r.Stats.ProcessedInitialPackages(), Initials: r.Stats.InitialPackages(),
	}
	switch r.Stats.State() {
	case runner.StateProcessing:
		p.Phase = "analysing"
	case runner.StateFinalizing:
		p.Phase = "finishing"
	default:
		p.Phase = "loading"
	}
	return p
}
