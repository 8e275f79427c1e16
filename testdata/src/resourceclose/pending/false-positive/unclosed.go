// Package falsepositive holds hard negatives the engine still reports. Each
// case says what the engine does wrong, and a "now" comment records what it
// reports today; once fixed, a case moves back to its rule's good/
// directory. TestRules runs them with inverted expectations (ruletest's
// pending.go): it fails when a case changes.
package falsepositive

import (
	"fmt"
	"io"
	"os"
)

// openWithCloser returns a new file and the func that closes it.
func openWithCloser(name string) (*os.File, func(), error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// cleanupFromHelper: the helper hands back the file with its own cleanup
// func, which the caller defers.
//
// Engine: openWithCloser's summary says result 0 is a new file the caller
// owns (acquire.go newResults: f is returned), and nothing says result 1
// is a func that closes it. In the caller, cleanup() is a call through a
// function value (Extract #1), which track.go classifyCall cannot link to
// the file. A result returned together with a closure that releases it
// should not count as a new resource (or the summary should name the
// releasing result).
func cleanupFromHelper(name string) ([]byte, error) {
	f, cleanup, err := openWithCloser(name) // now `file f from openWithCloser .* returning at line 39`
	if err != nil {
		return nil, err
	}
	defer cleanup()
	return io.ReadAll(f)
}

// correlatedBranches: the file is created and closed under the same flag;
// the path that creates it without closing it cannot run.
//
// Engine: paths.go walker.leaks follows both edges of every If
// independently, so it walks the infeasible path that creates the file
// (toFile true) and then takes the toFile-false branch to "return nil".
// Remembering, along a path, the outcome of an If on the same SSA value
// (here the parameter toFile) would prune it.
func correlatedBranches(path string, toFile bool, lines []string) error {
	var f *os.File
	if toFile {
		var err error
		f, err = os.Create(path) // now `file f from os\.Create .* returning at line 69`
		if err != nil {
			return err
		}
	}
	for _, l := range lines {
		if toFile {
			fmt.Fprintln(f, l)
		} else {
			fmt.Println(l)
		}
	}
	if toFile {
		return f.Close()
	}
	return nil
}
