// Package use calls package dep: whether a resource handed to (or received
// from) dep is still owed is decided by dep's summary facts.
package use

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"time"

	"resourceclose/facts/dep"
)

// droppedNewFile: dep.OpenLog returns a new file (a fact), which the
// caller drops. (resourceclose/unclosed)
func droppedNewFile(msg string) error {
	f, err := dep.OpenLog("/var/log/app.log") // want `file f from dep\.OpenLog`
	if err != nil {
		return err
	}
	_, err = f.WriteString(msg)
	return err
}

// droppedCheckedFile: dep.OpenChecked closes on its own failure path and
// returns the file otherwise: still a new file for the caller.
func droppedCheckedFile(name string) ([]byte, error) {
	f, err := dep.OpenChecked(name) // want `file f from dep\.OpenChecked`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// borrowedByDep: dep.Size only reads the file; the caller still owes the
// close. (resourceclose/unclosed)
func borrowedByDep(name string) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return 0, err
	}
	return dep.Size(f)
}

// droppedDepCancel: dep.WithDeadline returns a new cancel func (a fact),
// discarded here. (resourceclose/cancel-leak)
func droppedDepCancel(ctx context.Context) context.Context {
	ctx, _ = dep.WithDeadline(ctx, time.Second) // want `the cancel func returned by dep\.WithDeadline is discarded`
	return ctx
}

// closedByDepDeferred: defer dep.CloseQuietly(f) — the ANCHOR-GAPS
// negative "defer closeQuietly(resp.Body) where closeQuietly(c io.Closer)
// closes it", across packages.
func closedByDepDeferred(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer dep.CloseQuietly(f)
	return io.ReadAll(f)
}

// closedByDepResponseHelper: a project helper in another package closes
// it (ANCHOR-GAPS: "closeResponseBody(resp)").
func closedByDepResponseHelper(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	n, err := dep.Size(f)
	if cerr := dep.CloseResponse(f); err == nil {
		err = cerr
	}
	return n, err
}

// closedByDepVariadic: handed to dep.CloseAll with another file.
func closedByDepVariadic(a, b string) error {
	fa, err := os.Open(a)
	if err != nil {
		return err
	}
	fb, err := os.Open(b)
	if err != nil {
		fa.Close()
		return err
	}
	return dep.CloseAll(fa, fb)
}

// keptByDep: dep.Keep stores the file; it is no longer this function's.
func keptByDep(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	dep.Keep(f)
	return nil
}

// newFileClosed: dep.OpenLog's new file is closed with defer.
func newFileClosed(msg string) error {
	f, err := dep.OpenLog("/var/log/app.log")
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, msg)
	return err
}

// newFileReturned: dep.OpenLog's new file is handed on to the caller.
func newFileReturned() (*os.File, error) {
	f, err := dep.OpenLog("/var/log/app.log")
	if err != nil {
		return nil, fmt.Errorf("open log: %w", err)
	}
	return f, nil
}

// finishedByDep: dep.Finish commits or rolls back on every path.
func finishedByDep(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "delete from jobs where id = ?", id)
	return dep.Finish(tx, err)
}

// cancelledByDep: dep.CancelAfter calls the cancel func.
func cancelledByDep(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	go dep.CancelAfter(time.Minute, cancel)
	return ctx
}

// depCancelDeferred: dep.WithDeadline's cancel func is deferred.
func depCancelDeferred(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := dep.WithDeadline(ctx, time.Second)
	defer cancel()
	return work(ctx)
}

// wrappedAndReturned: the file goes into a dep.Reader that is returned;
// the caller owns the Reader and its Close.
func wrappedAndReturned(name string) (*dep.Reader, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return dep.NewReader(f), nil
}

// wrapperClosed: the file goes into a dep.Reader whose Close closes it;
// the caller defers that Close.
func wrapperClosed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	r := dep.NewReader(f)
	defer r.Close()
	return nil
}

// closedOnlyOnFailureByDep: dep.CloseIfFailed closes only on a non-nil
// error; on success the caller still owes the close, and drops it.
// (resourceclose/unclosed)
func closedOnlyOnFailureByDep(name string) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return 0, err
	}
	n, err := dep.Size(f)
	return n, dep.CloseIfFailed(f, err)
}

// wrapperDropped: the file goes into a dep.Reader that is neither closed
// nor returned. (resourceclose/unclosed)
func wrapperDropped(name string) error {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return err
	}
	r := dep.NewReader(f)
	_ = r
	return nil
}

// txInspectedNotFinished: dep.Inspect borrows the transaction; nothing
// finishes it. (resourceclose/tx-unfinished)
func txInspectedNotFinished(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx`
	if err != nil {
		return 0, err
	}
	return dep.Inspect(ctx, tx)
}
