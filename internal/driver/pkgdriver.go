package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
)

// reviewlint is its own go/packages driver (GOPACKAGESDRIVER) when the
// embedded standard-library facts fit the toolchain: it lists packages
// with the go command as go/packages would, then leaves the files and
// imports out of every standard-library package that is not a root. The
// runner then type-checks importers against the export data only, skips
// those packages, and the engines read stdfacts' table instead. A cold
// run of a module whose dependencies are mostly the standard library does
// a fraction of the work; the findings are the same (the table is made by
// the same engines).
const (
	pkgDriverEnv = "REVIEWLINT_PACKAGES_DRIVER" // "1" in the driver process
	stdRootEnv   = "REVIEWLINT_GOROOT"          // the toolchain's GOROOT, for the driver
	stdArchEnv   = "REVIEWLINT_GOARCH"
	stdMinorEnv  = "REVIEWLINT_GOMINOR" // e.g. 26 for go1.26.x
	// StdFactsEnv set to "off" analyses the standard library from source
	// as before (to compare, or to rule the table out when in doubt).
	StdFactsEnv = "REVIEWLINT_STDFACTS"
	statsEnv    = "REVIEWLINT_DRIVERSTATS" // where the driver leaves its DriverStats
)

// StdFacts is the standard library's precomputed facts, as far as the
// driver needs to know them (analyzers.StdFacts).
type StdFacts interface {
	// Fits reports whether they stand in for the standard library of
	// toolchain goVersion on goos/goarch.
	Fits(goVersion, goos, goarch string) bool
	// Covers reports whether they include package pkgPath.
	Covers(pkgPath string) bool
	// EnableWhen makes the engines read them for packages left out, if
	// fits (called once, at the first lookup) says they stand in.
	EnableWhen(fits func() bool)
}

// IsPackagesDriver reports whether this process was started by go/packages
// as the driver of a Run.
func IsPackagesDriver() bool { return os.Getenv(pkgDriverEnv) == "1" }

// ServePackagesDriver answers the go/packages request on stdin for the
// patterns in args, writing the response to stdout; it returns the exit
// code.
func ServePackagesDriver(args []string, std StdFacts, stdin io.Reader, stdout, stderr io.Writer) int {
	if err := servePackagesDriver(args, std, stdin, stdout); err != nil {
		fmt.Fprintf(stderr, "reviewlint (packages driver): %v\n", err)
		return 1
	}
	return 0
}

func servePackagesDriver(patterns []string, std StdFacts, stdin io.Reader, stdout io.Writer) error {
	var req packages.DriverRequest
	if err := json.NewDecoder(stdin).Decode(&req); err != nil {
		return fmt.Errorf("decoding request: %v", err)
	}
	cfg := &packages.Config{
		Mode:       req.Mode,
		Env:        append(os.Environ(), "GOPACKAGESDRIVER=off", pkgDriverEnv+"="),
		BuildFlags: req.BuildFlags,
		Tests:      req.Tests,
		Overlay:    req.Overlay,
	}
	// The module's own export data is written here (rootexport.go), so
	// go list must not compile the module's packages for it.
	exportDir := os.Getenv(exportCacheEnv)
	exporting := exportDir != "" && req.Mode&packages.NeedExportFile != 0 && len(req.Overlay) == 0
	if exporting {
		cfg.Mode &^= packages.NeedExportFile
	}
	// The walk over the dependencies' code holds their types as the
	// runner does (see gcpace.go).
	gc := paceGC()
	defer gc.stop()
	var stats DriverStats
	t0 := time.Now()
	toolchain := make(chan error, 1)
	go func() { toolchain <- toolchainEnv() }()
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return err
	}
	if err := <-toolchain; err != nil {
		return err
	}
	stats.List = time.Since(t0)
	var unreached map[*packages.Package]bool
	if exporting {
		stats.Exporting = true
		x, err := addExportData(cfg, roots, exportDir, &stats)
		if err != nil {
			return err
		}
		unreached = leftOutDeps(x, roots, &stats)
	}
	minor, err := strconv.Atoi(os.Getenv(stdMinorEnv))
	if err != nil {
		return fmt.Errorf("%s=%q, set by the parent reviewlint: %v", stdMinorEnv, os.Getenv(stdMinorEnv), err)
	}
	resp := packages.DriverResponse{
		Compiler:  "gc",
		Arch:      os.Getenv(stdArchEnv),
		GoVersion: minor,
	}
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		resp.Roots = append(resp.Roots, p.ID)
		isRoot[p] = true
	}
	goroot := os.Getenv(stdRootEnv)
	leaveStd := os.Getenv(stdLeaveOutEnv) == "1" && std.Fits(os.Getenv(stdVersionEnv), os.Getenv(stdOSEnv), os.Getenv(stdArchEnv))
	packages.Visit(roots, nil, func(p *packages.Package) {
		if leaveStd && !isRoot[p] && isStandard(p, goroot) && std.Covers(p.PkgPath) || unreached[p] {
			leaveOut(p)
		}
		resp.Packages = append(resp.Packages, p)
	})
	t0 = time.Now()
	var out bytes.Buffer
	if err := json.NewEncoder(&out).Encode(resp); err != nil {
		return err
	}
	stats.Encode = time.Since(t0)
	stats.Process = time.Since(processStart)
	if f := os.Getenv(statsEnv); f != "" {
		writeStats(f, &stats)
	}
	_, err = stdout.Write(out.Bytes())
	return err
}

// processStart is about when this process started (its packages'
// initialisation), for the driver's statistics.
var processStart = time.Now()

// leftOutDeps returns the dependencies that nothing the roots reach
// refers to (lazydeps.go), unless turned off; nil when none can be left
// out, with the reason in stats.
func leftOutDeps(x *exporter, roots []*packages.Package, stats *DriverStats) map[*packages.Package]bool {
	if os.Getenv(LazyDepsEnv) == "off" {
		stats.ReachOff = LazyDepsEnv + "=off"
		return nil
	}
	out, err := x.unreached(roots)
	if err != nil {
		stats.ReachOff = err.Error()
		return nil
	}
	stats.LeftOut = len(out)
	return out
}

// writeStats leaves the driver's statistics in file for the parent
// (best effort: they only feed -debug-timing).
func writeStats(file string, stats *DriverStats) {
	if data, err := json.Marshal(stats); err == nil {
		_ = os.WriteFile(file, data, 0o666)
	}
}

// readStats reads what writeStats left, nil if nothing.
func readStats(file string) *DriverStats {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var stats DriverStats
	if json.Unmarshal(data, &stats) != nil {
		return nil
	}
	return &stats
}

// isStandard reports whether p is a package of the toolchain's GOROOT.
func isStandard(p *packages.Package, goroot string) bool {
	if p.Module != nil || goroot == "" || len(p.GoFiles) == 0 {
		return false
	}
	src := filepath.Join(goroot, "src") + string(filepath.Separator)
	return strings.HasPrefix(p.GoFiles[0], src)
}

// leaveOut keeps p's export data and drops what would make the runner
// analyse it: its files and its imports (the export data of a package
// carries the types of its dependencies that importers need).
func leaveOut(p *packages.Package) {
	p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles = nil, nil, nil, nil, nil
	p.Imports = map[string]*packages.Package{}
}

// driverEnv returns the environment that makes go/packages call this
// binary as its driver: to leave the standard library out when the
// embedded facts fit the toolchain of dir (and turn the table's lookups
// on), and to write the module's own export data into cacheDir (see
// rootexport.go). nil when neither applies or both are turned off.
//
// Whether the facts fit is the go command's answer (go env), which the
// driver and this process each ask while the packages load rather than
// before: a warm run's critical path is go list and little else.
func driverEnv(opts Options, cacheDir string) []string {
	std := opts.StdFacts
	if d := os.Getenv("GOPACKAGESDRIVER"); d != "" && d != "off" {
		return nil // the user's own driver (Bazel, ...) decides what packages are
	}
	useStd := std != nil && os.Getenv(StdFactsEnv) != "off"
	export := exportEnv(cacheDir)
	if !useStd && export == nil {
		return nil
	}
	self, err := selfPath()
	if err != nil {
		return nil
	}
	leave := ""
	if useStd {
		fits := make(chan bool, 1)
		go func() {
			env, err := goEnv(opts.Dir, "GOVERSION", "GOOS", "GOARCH")
			fits <- err == nil && std.Fits(env[0], env[1], env[2])
		}()
		std.EnableWhen(func() bool { return <-fits })
		leave = "1"
	}
	return append(append(os.Environ(),
		"GOPACKAGESDRIVER="+self,
		pkgDriverEnv+"=1",
		stdLeaveOutEnv+"="+leave,
		exportCacheEnv+"=",
		keepImportersEnv+"="+strings.Join(opts.LinkFacts, ","),
	), export...)
}

// toolchainEnv sets, in the driver process, what it needs to know of the
// toolchain (stdRootEnv and the rest), from go env unless the parent (a
// test) set it.
func toolchainEnv() error {
	if os.Getenv(stdVersionEnv) != "" {
		return nil
	}
	env, err := goEnv("", "GOVERSION", "GOOS", "GOARCH", "GOROOT", "GOMODCACHE")
	if err != nil {
		return fmt.Errorf("go env: %v", err)
	}
	minor := strings.TrimPrefix(env[0], "go1.")
	if i := strings.IndexFunc(minor, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		minor = minor[:i]
	}
	for _, kv := range [][2]string{{stdVersionEnv, env[0]}, {stdOSEnv, env[1]}, {stdArchEnv, env[2]},
		{stdRootEnv, env[3]}, {modCacheEnv, env[4]}, {stdMinorEnv, minor}} {
		if err := os.Setenv(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// selfPath returns a path that runs this program: argv[0] as the user
// (or a test harness) started it, so that the child dispatches like this
// process did, else the executable.
func selfPath() (string, error) {
	arg0 := os.Args[0]
	if !strings.ContainsRune(arg0, filepath.Separator) {
		if p, err := exec.LookPath(arg0); err == nil {
			return filepath.Abs(p)
		}
		return os.Executable()
	}
	return filepath.Abs(arg0)
}

func goEnv(dir string, names ...string) ([]string, error) {
	cmd := exec.Command("go", append([]string{"env"}, names...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != len(names) {
		return nil, fmt.Errorf("go env: unexpected output %q", out)
	}
	return lines, nil
}
