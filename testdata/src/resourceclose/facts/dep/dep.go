// Package dep holds helpers whose effect on resources reaches callers in
// package use only through the lifetime engine's summary facts. It reports
// nothing itself.
package dep

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"sync"
	"time"
)

// CloseQuietly closes c and drops the error (releases param 0).
func CloseQuietly(c io.Closer) { _ = c.Close() }

// CloseResponse closes a file handed back by Fetch-style helpers and
// reports the error (releases param 0).
func CloseResponse(f *os.File) error {
	if f == nil {
		return nil
	}
	return f.Close()
}

// CloseAll closes every closer (the variadic slice escapes into the loop;
// the caller sees its arguments as handed on).
func CloseAll(cs ...io.Closer) error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// OpenLog opens a log file and hands it to the caller (result 0 is a new
// file the caller owns).
func OpenLog(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
}

// OpenChecked opens name and closes it again if it is empty; otherwise the
// caller owns it.
func OpenChecked(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		f.Close()
		return nil, errors.New("empty or unreadable")
	}
	return f, nil
}

// Size reads the file's size (borrows param 0).
func Size(f *os.File) (int64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

var (
	mu   sync.Mutex
	kept []*os.File
)

// Keep stores f for CloseKept (param 0 escapes).
func Keep(f *os.File) {
	mu.Lock()
	kept = append(kept, f)
	mu.Unlock()
}

// Finish commits when err is nil and rolls back otherwise (releases param
// 0 on every path).
func Finish(tx *sql.Tx, err error) error {
	if err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// Inspect reads from a transaction and leaves it open (borrows param 0).
func Inspect(ctx context.Context, tx *sql.Tx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "select count(*) from jobs").Scan(&n)
	return n, err
}

// CancelAfter calls cancel after d (releases param 1).
func CancelAfter(d time.Duration, cancel context.CancelFunc) {
	time.Sleep(d)
	cancel()
}

// WithDeadline returns a context and its cancel func (result 1 is a new
// cancel func the caller owns).
func WithDeadline(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, d)
}

// Reader owns a file; Close releases it.
type Reader struct{ f *os.File }

// NewReader wraps f (param 0 goes into the result).
func NewReader(f *os.File) *Reader { return &Reader{f: f} }

// Close closes the wrapped file.
func (r *Reader) Close() error { return r.f.Close() }

// CloseIfFailed closes c only when err is not nil (it releases param 0 on
// some paths only, so its summary says it borrows).
func CloseIfFailed(c io.Closer, err error) error {
	if err != nil {
		c.Close()
	}
	return err
}
