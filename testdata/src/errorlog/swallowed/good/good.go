package good

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"os"
	"path/filepath"
	"strconv"
)

// io.EOF ends a stream: returning nil on it is deliberate.
func drain(r io.Reader) error {
	buf := make([]byte, 512)
	for {
		_, err := r.Read(buf)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// A missing file means "nothing to load", checked explicitly.
func loadOptional(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	return b, nil
}

// (bool, error) where false, nil means "not found" after a specific check.
func exists(db *sql.DB, id int) (bool, error) {
	var n int
	err := db.QueryRow("SELECT 1 FROM t WHERE id = ?", id).Scan(&n)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// Logged and then deliberately continued: the error is not lost.
func bestEffortCleanup(path string) error {
	if err := os.Remove(path); err != nil {
		log.Printf("cleanup %s: %v", path, err)
		return nil
	}
	return nil
}

// The error is stored in the result struct: it travels on.
type Result struct{ Err error }

func try(path string) (Result, error) {
	if _, err := os.ReadFile(path); err != nil {
		return Result{Err: err}, nil
	}
	return Result{}, nil
}

// The error is handed to a callback.
func withHandler(path string, onErr func(error)) error {
	if _, err := os.ReadFile(path); err != nil {
		onErr(err)
		return nil
	}
	return nil
}

// A retry loop continues on error and gives up with the last one.
func retry(path string) error {
	var last error
	for i := 0; i < 3; i++ {
		f, err := os.Open(path)
		if err != nil {
			last = err
			continue
		}
		return f.Close()
	}
	return last
}

// A walk callback skipping what it cannot read: err is a parameter, the
// caller (filepath.Walk) produced it, not this function.
func walk(root string) error {
	return filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		return nil
	})
}

// A cancelled context is the caller's decision: stopping quietly is the norm.
func loop(ctx context.Context) error {
	for {
		if ctx.Err() != nil {
			return nil
		}
	}
}

// A compound condition is a deliberate filter.
func optional(path string, strict bool) error {
	if _, err := os.ReadFile(path); err != nil && !strict {
		return nil
	}
	return nil
}

// The error is wrapped and returned.
func wrapped(path string) error {
	if _, err := os.ReadFile(path); err != nil {
		return fmt.Errorf("stat %s: %w", path, err)
	}
	return nil
}

// A function without an error result cannot swallow into one.
func count(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return len(b)
}

// The error is sent on a channel before the nil return.
func report(path string, errc chan<- error) error {
	if _, err := os.ReadFile(path); err != nil {
		errc <- err
		return nil
	}
	return nil
}

// The error is recorded in a field of the receiver.
type job struct{ err error }

func (j *job) run(path string) error {
	if _, err := os.ReadFile(path); err != nil {
		j.err = err
		return nil
	}
	return nil
}

// A fallback value is a decision, not a silent failure: try the host:port
// form, else take the whole target as the host (modelled on grpc's
// delegatingresolver).
func hostPort(target string) (string, error) {
	host, port, err := net.SplitHostPort(target)
	if err != nil {
		return net.JoinHostPort(target, "443"), nil
	}
	return net.JoinHostPort(host, port), nil
}

// A default value on a parse failure.
func portOr(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 8080, nil
	}
	return n, nil
}

// A comment in the branch explains the drop (modelled on memberlist's
// ping of a dead node).
func ping(addr string) (bool, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		// If the node is dead we expect this to fail: not an error.
		return false, nil
	}
	return true, c.Close()
}

// The error was recorded before the test (modelled on go-redis'
// pipeline reader, which appends each read error to a list).
func readAll(paths []string) ([]error, error) {
	var errs []error
	for _, p := range paths {
		_, err := os.ReadFile(p)
		errs = append(errs, err)
		if err != nil {
			return errs, nil
		}
	}
	return errs, nil
}

// "Nothing to do when the directory is not there", with os.Stat as the
// existence probe it usually is.
func cleanDir(dir string) error {
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	return os.RemoveAll(dir)
}

// io/fs's Stat is the same probe (io/fs.Glob: a pattern without magic
// that matches nothing is no error).
func globOne(fsys fs.FS, pattern string) ([]string, error) {
	if _, err := fs.Stat(fsys, pattern); err != nil {
		return nil, nil
	}
	return []string{pattern}, nil
}

type cacheEntry struct{ failed bool }

func fromCache(e *cacheEntry) error           { return errors.New("miss") }
func computeEntry(e *cacheEntry) (int, error) { return 0, nil }

// A cache miss falls back to the work itself, whose own error is returned:
// the first error was a signal, not a failure, and nil is returned only
// when the fallback succeeded (modelled on staticcheck's lintcmd/runner).
func loadEntry(e *cacheEntry) error {
	if err := fromCache(e); err != nil {
		if _, err := computeEntry(e); err != nil {
			return err
		}
		if e.failed {
			return nil
		}
	}
	return nil
}

// An empty branch with a comment says why nothing is done.
func removeStale(path string) {
	if err := os.Remove(path); err != nil {
		// Best effort: a stale lock left behind is retried at the next start.
	}
}

// The error is tested empty-handedly but returned after the if.
func statThenReturn(path string) error {
	_, err := os.Stat(path)
	if err != nil {
	}
	return err
}
