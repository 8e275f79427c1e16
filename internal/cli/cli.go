// Package cli is reviewlint's command line: flag parsing, configuration,
// the driver run, filtering and output. cmd/reviewlint only calls Main.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/internal/driver"
)

// Version is reviewlint's version; release builds set it with -ldflags.
var Version = "v0.1.0-dev"

// Exit codes.
const (
	ExitClean    = 0 // no findings at or above -fail-on
	ExitFindings = 1 // findings at or above -fail-on
	ExitUsage    = 2 // bad flags, arguments, patterns or configuration
	ExitLoad     = 3 // the go command failed, nothing matched, or some packages failed to load or type-check
)

// usageError is an error that exits with ExitUsage.
type usageError struct{ error }

// Main runs reviewlint with args (without the program name) and returns
// the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if driver.IsPackagesDriver() {
		return driver.ServePackagesDriver(args, analyzers.StdFacts{}, os.Stdin, stdout, stderr)
	}
	if isVetInvocation(args) {
		return runVetTool(args, stdout, stderr)
	}
	code, err := dispatch(args, stdout, stderr)
	if err != nil {
		// One line per error: a config file with several mistakes lists
		// them all, each with its file:line:col and key.
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(stderr, "reviewlint: %s\n", line)
		}
		var ue usageError
		if errors.As(err, &ue) {
			return ExitUsage
		}
		if code == ExitClean {
			code = ExitUsage
		}
	}
	return code
}

// dispatch picks the subcommand; anything else is a lint run.
func dispatch(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(args[1:], stdout)
		case "explain":
			return cmdExplain(args[1:], stdout)
		case "version":
			fmt.Fprintf(stdout, "reviewlint %s\n", Version)
			return ExitClean, nil
		case "clean-cache":
			return cmdCleanCache(stdout)
		case "leaks":
			return cmdLeaks(args[1:], stdout, stderr)
		case "help":
			fs, _ := newFlags(io.Discard)
			printUsage(stdout, fs)
			return ExitClean, nil
		}
	}
	return cmdLint(args, stdout, stderr)
}

const usageHead = `reviewlint finds the bugs a senior Go reviewer finds by eye: resources never
closed, goroutines that never exit, state touched without its lock, errors that
vanish, HTTP bodies never closed or checked.

Usage:
  reviewlint [flags] [packages]   lint packages (default ./...; go list patterns)
  reviewlint rules [-v]           list every rule: ID, severity, default, title (-v: the corpus evidence behind each default)
  reviewlint explain RULE         print a rule's full documentation
  reviewlint explain FAMILY       list a family's rules (httpbody, sharedstate, staticcheck ...)
  reviewlint version              print the version
  reviewlint clean-cache          remove the result cache
  reviewlint leaks DUMP [pkgs]    match a goroutine dump's blocked goroutines to static findings (leaks -h)
  go vet -vettool=$(command -v reviewlint) [-enable=R] [-disable=R] ./...

Exit codes: 0 no findings at or above -fail-on; 1 findings; 2 usage or
configuration error (flags, config file, baseline, cache directory), a
malformed pattern or a directory pattern that does not exist; 3 the go
command failed (module resolution, toolchain, go.sum), the patterns matched no
packages, or some packages failed to load or type-check (findings in the
others are still reported). Errors go to stderr in every format; JSON also
lists them under "errors".

Flags:
`

func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHead)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, `
Environment:
  REVIEWLINT_CACHE   cache directory (absolute), or "off" to disable the cache
`)
}

// stringList is a repeatable, comma-separated flag value.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*s = append(*s, x)
		}
	}
	return nil
}
