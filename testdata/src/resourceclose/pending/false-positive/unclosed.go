// Package falsepositive holds hard negatives the engine still reports. Each
// case says what the engine does wrong; once fixed, a case moves back to its
// rule's good/ directory. TestPending runs them with RESOURCECLOSE_PENDING=1.
package falsepositive

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"sync"
)

// closeOnce: closed through sync.Once, from the normal path and the error
// path alike.
//
// Engine: f is captured by reference (SSA boxes it), and closeIt passes
// the box on to the inner closure given to once.Do. summary.go
// freeVarTracker, for a boxed binding, tracks only the loads (*fv) of the
// free variable; a MakeClosure that binds the box itself is not recorded,
// so the inner closure's f.Close() is never seen and closeIt's effect on
// f is Borrows. It should add such closures as boxed bindings, as addBox
// does in the enclosing function.
func closeOnce(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	var once sync.Once
	closeIt := func() { once.Do(func() { f.Close() }) }
	defer closeIt()
	if _, err := f.Stat(); err != nil {
		closeIt()
		return err
	}
	return nil
}

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
	f, cleanup, err := openWithCloser(name)
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
		f, err = os.Create(path)
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

// rowsDrainedNoClose: the rows are iterated until Next returns false,
// which closes them (database/sql: "If Next is called and returns false
// and there are no further result sets, the Rows are closed
// automatically"); no early exit leaves the loop. Many reviewers still
// ask for defer rows.Close(), so whether this is a finding is a policy
// choice; today the engine reports it as a leak at the final return.
//
// Engine: (*sql.Rows).Next's summary is Borrows (it closes the rows on
// some paths only), and paths.go does not treat the false edge of an If on
// rows.Next() as the release it is.
func rowsDrainedNoClose(db *sql.DB) (int, error) {
	rows, err := db.Query("select id from jobs")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
