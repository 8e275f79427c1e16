// Package falsepositive holds hard negatives the engine still reports. Each
// case says what the engine does wrong, and a "now" comment records what it
// reports today; once fixed, a case moves back to its rule's good/
// directory. TestRules runs them with inverted expectations (ruletest's
// pending.go): it fails when a case changes.
package falsepositive

import (
	"fmt"
	"os"
)

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
		f, err = os.Create(path) // now `file f from os\.Create .* returning at line 40`
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
