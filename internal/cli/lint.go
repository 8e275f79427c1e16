package cli

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
	"github.com/reviewlint/reviewlint/internal/config"
	"github.com/reviewlint/reviewlint/internal/driver"
	"github.com/reviewlint/reviewlint/internal/report"
)

// lintFlags are the flags of a lint run.
type lintFlags struct {
	format            string
	showSeverity      bool
	configFile        string
	tags              stringList
	tests             bool
	failOn            string
	fix, diff         bool
	checkSuppressions bool
	cache             bool
	debugTiming       bool
	cpuProfile        string
	memProfile        string
	memProfilePeak    string
	enable, disable   stringList
	review            reviewFlags
}

func newFlags(out io.Writer) (*flag.FlagSet, *lintFlags) {
	f := &lintFlags{}
	fs := flag.NewFlagSet("reviewlint", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&f.format, "format", "text", "output format: "+report.FormatNames())
	fs.BoolVar(&f.showSeverity, "show-severity", false, "text format: print each finding's severity after its position (file:line:col: warning: message (rule))")
	fs.StringVar(&f.configFile, "config", "", "config file (default: .reviewlint.yml found from the working directory upward)")
	fs.Var(&f.tags, "tags", "comma-separated build tags")
	fs.BoolVar(&f.tests, "test", true, "analyse _test.go files too")
	fs.StringVar(&f.failOn, "fail-on", "warning", "lowest severity that makes the exit code 1: error, warning or info")
	fs.BoolVar(&f.fix, "fix", false, "apply suggested fixes (gofmt'd; a file that would not type-check is left alone)")
	fs.BoolVar(&f.diff, "diff", false, "print suggested fixes as a unified diff instead of findings; write nothing")
	fs.BoolVar(&f.checkSuppressions, "check-suppressions", false, "also report suppression directives that matched no finding (suppression/unused)")
	fs.BoolVar(&f.cache, "cache", true, "use the result cache (see REVIEWLINT_CACHE)")
	fs.BoolVar(&f.debugTiming, "debug-timing", false, "print the time spent loading and in each analyzer to stderr")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&f.memProfile, "memprofile", "", "write a heap profile to `file` at exit")
	fs.StringVar(&f.memProfilePeak, "memprofile-peak", "", "write a heap profile to `file` when the live heap is at its peak")
	fs.Var(&f.enable, "enable", "rules or analyzers to turn on, on top of the config (comma-separated, repeatable)")
	fs.Var(&f.disable, "disable", "rules or analyzers to turn off, on top of the config (comma-separated, repeatable)")
	addReviewFlags(fs, &f.review)
	return fs, f
}

func parseLintFlags(args []string, stdout io.Writer) (*lintFlags, []string, error) {
	fs, f := newFlags(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			printUsage(stdout, fs)
			return nil, nil, err
		}
		return nil, nil, usageError{fmt.Errorf("%v (see reviewlint -h)", err)}
	}
	if _, ok := report.Writers[f.format]; !ok {
		return nil, nil, usageError{fmt.Errorf("unknown -format %q (want one of %s)", f.format, report.FormatNames())}
	}
	if _, err := analyzers.ParseSeverity(f.failOn); err != nil {
		return nil, nil, usageError{fmt.Errorf("-fail-on: %v", err)}
	}
	if f.fix && f.diff {
		return nil, nil, usageError{fmt.Errorf("-fix and -diff are exclusive")}
	}
	if err := f.review.check(); err != nil {
		return nil, nil, usageError{err}
	}
	return f, fs.Args(), nil
}

// orAll is patterns, or ./... when there are none.
func orAll(patterns []string) []string {
	if len(patterns) == 0 {
		return []string{"./..."}
	}
	return patterns
}

// cmdLint is a lint run: configure, analyse, filter, fix, print.
func cmdLint(args []string, stdout, stderr io.Writer) (int, error) {
	f, patterns, err := parseLintFlags(args, stdout)
	if err == flag.ErrHelp {
		return ExitClean, nil
	}
	if err != nil {
		return ExitUsage, err
	}
	patterns = orAll(patterns)
	stopProfile, err := startProfiles(f)
	if err != nil {
		return ExitUsage, usageError{err}
	}
	defer func() {
		if err := stopProfile(); err != nil {
			fmt.Fprintf(stderr, "reviewlint: writing profile: %v\n", err)
		}
	}()

	cwd, err := os.Getwd()
	if err != nil {
		return ExitUsage, err
	}
	if err := f.review.prepare(cwd); err != nil {
		return ExitUsage, usageError{err}
	}
	res, code, err := analyse(f, patterns, cwd, stderr)
	if err != nil {
		return code, err
	}
	if res, err = f.review.apply(res, stderr); err != nil {
		return ExitUsage, usageError{err}
	}

	if f.fix || f.diff {
		res, err = applyFixes(res, f, cwd, stdout, stderr)
		if err != nil {
			return ExitUsage, err
		}
	}
	env := report.Env{Cwd: cwd, Rules: analyzers.Rules(), Version: Version, ShowSeverity: f.showSeverity}
	if !f.diff {
		if err := report.Writers[f.format].Write(stdout, res, env); err != nil {
			return ExitUsage, err
		}
	}
	return exitCode(res, f, stderr, cwd), nil
}

// analyse runs the configured suite on patterns and returns its findings;
// on failure, the exit code that goes with the error.
func analyse(f *lintFlags, patterns []string, cwd string, stderr io.Writer) (*report.Result, int, error) {
	cfg, cfgFile, err := loadConfig(f, cwd)
	if err != nil {
		return nil, ExitUsage, usageError{err}
	}
	opts := analyzers.Options{Markers: f.checkSuppressions}
	suite, err := analyzers.New(cfg, opts)
	if err != nil {
		return nil, ExitUsage, usageError{err}
	}
	timing := newTimer(f.debugTiming)
	progress := newProgress(stderr)
	out, err := driver.Run(driver.Options{
		Patterns: patterns,
		Tags:     f.tags,
		Tests:    f.tests,
		Cache:    f.cache,
		Salt:     saltFor(cfg, opts),
		Progress: progress.update,
		Timing:   timing.callback(),
		StdFacts: analyzers.StdFacts{},
		// Always, whatever the configuration: the driver only keeps
		// those importers analysed.
		LinkFacts: analyzers.LinkFacts,
	}, suite)
	progress.clear()
	if ce := (driver.CacheError{}); errors.As(err, &ce) {
		return nil, ExitUsage, usageError{err}
	}
	if err != nil {
		return nil, ExitLoad, fmt.Errorf("loading packages: %w", err)
	}
	timing.print(stderr, out)
	if err := settingErrors(out, cfgFile); err != nil {
		return nil, ExitUsage, usageError{err}
	}
	return findings(out, cfg, f.checkSuppressions), ExitClean, nil
}

// settingErrors returns the settings the analyzers found wrong in the
// analysed code, as errors of the configuration file at its lines, each
// once (every package that shows it reports it), in file order.
func settingErrors(out *driver.Output, cfgFile string) error {
	var errs config.Errors
	seen := map[string]bool{}
	for _, d := range out.Diagnostics {
		if d.Category != analyzers.SettingDiagnostic || seen[d.Message] {
			continue
		}
		seen[d.Message] = true
		key, reason := analyzers.SplitSetting(d.Message)
		errs = append(errs, config.SettingError(cfgFile, key, reason))
	}
	if len(errs) == 0 {
		return nil
	}
	slices.SortFunc(errs, func(a, b *config.Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Key, b.Key))
	})
	return errs
}

// loadConfig reads -config or the nearest .reviewlint.yml, then applies
// -enable/-disable on top.
func loadConfig(f *lintFlags, cwd string) (cfg settings.Config, file string, err error) {
	if f.configFile != "" {
		file = f.configFile
		cfg, err = config.Load(file)
	} else {
		cfg, file, err = config.LoadFor(cwd)
	}
	if err != nil {
		return cfg, file, err
	}
	for _, s := range append(append([]string(nil), f.enable...), f.disable...) {
		if !analyzers.IsSelector(s) {
			return cfg, file, fmt.Errorf("unknown rule or analyzer %q in -enable/-disable (see reviewlint rules)", s)
		}
	}
	// The command line wins over the file for the same selector.
	cfg.Enable = append(without(cfg.Enable, f.disable), f.enable...)
	cfg.Disable = append(without(cfg.Disable, f.enable), f.disable...)
	return cfg, file, nil
}

// without returns list minus the selectors in drop, case-insensitively.
func without(list, drop []string) []string {
	var out []string
	for _, s := range list {
		if !slices.ContainsFunc(drop, func(d string) bool { return strings.EqualFold(s, d) }) {
			out = append(out, s)
		}
	}
	return out
}

// saltFor keys cached results by everything besides the code that changes
// them: the configuration (its rules, exclusions and settings) and the
// options. Rebuilt binaries are told apart by the driver.
func saltFor(cfg settings.Config, opts analyzers.Options) string {
	b, _ := json.Marshal(struct {
		Cfg  settings.Config
		Dir  string
		Opts analyzers.Options
		V    string
	}{cfg, cfg.Dir, opts, Version})
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// exitCode applies the documented exit codes; load errors are printed here
// so that they reach stderr in every format.
func exitCode(res *report.Result, f *lintFlags, stderr io.Writer, cwd string) int {
	for _, e := range res.Errors {
		if e.Package == "" {
			fmt.Fprintf(stderr, "reviewlint: %s\n", relMessage(cwd, e.Message))
			continue
		}
		fmt.Fprintf(stderr, "reviewlint: %s: %s\n", e.Package, relMessage(cwd, e.Message))
	}
	if len(res.Errors) > 0 {
		return loadExitCode(res.Errors)
	}
	threshold, _ := analyzers.ParseSeverity(f.failOn)
	for _, fd := range res.Findings {
		if fd.Severity.Rank() >= threshold.Rank() {
			return ExitFindings
		}
	}
	return ExitClean
}

// loadExitCode is ExitUsage when only command-line patterns failed (a
// directory that does not exist), else ExitLoad.
func loadExitCode(errs []report.PackageError) int {
	for _, e := range errs {
		if e.Kind != report.ErrPattern {
			return ExitLoad
		}
	}
	return ExitUsage
}

// relMessage shortens absolute paths under cwd in a compiler message.
func relMessage(cwd, msg string) string {
	if cwd == "" {
		return msg
	}
	return strings.ReplaceAll(msg, cwd+string(filepath.Separator), "")
}

func startProfiles(f *lintFlags) (func() error, error) {
	var stops []func() error
	if f.cpuProfile != "" {
		file, err := os.Create(f.cpuProfile)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(file); err != nil {
			return nil, errors.Join(err, file.Close())
		}
		stops = append(stops, func() error { pprof.StopCPUProfile(); return file.Close() })
	}
	if f.memProfile != "" {
		stops = append(stops, func() error {
			file, err := os.Create(f.memProfile)
			if err != nil {
				return err
			}
			runtime.GC()
			return errors.Join(pprof.WriteHeapProfile(file), file.Close())
		})
	}
	if f.memProfilePeak != "" {
		stops = append(stops, startPeakProfile(f.memProfilePeak).stop)
	}
	// A profile that fails to write is reported, not silently truncated.
	return func() error {
		var errs []error
		for _, s := range stops {
			errs = append(errs, s())
		}
		return errors.Join(errs...)
	}, nil
}
