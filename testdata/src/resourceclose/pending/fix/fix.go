// Package fix holds cases whose suggested fix is missing or wrong (or, for
// the transaction cases, whose diagnostic is missing, see pending/missed);
// fix.go.golden is the output the fix should produce. Each case says what
// the engine does wrong; once fixed, a case moves back to its rule's fix/
// directory. TestPending runs them with RESOURCECLOSE_PENDING=1.
package fix

import (
	"context"
	"database/sql"
	"os"
	"time"
)

// noErrorResultComment: os.NewFile returns no error, so the defer goes
// right after the assignment, below it.
//
// Engine: sites.go insertionPoint returns s.stmt.End(), which is before
// the assignment's trailing line comment, so the comment (here the want
// comment) moves onto the inserted defer line. The insertion should go at
// the end of the line (after any trailing comment).
func noErrorResultComment(fd uintptr) (int64, error) {
	f := os.NewFile(fd, "inherited") // want `file f from os\.NewFile`
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// rowsScanned: rows scanned in a loop and never closed; defer rows.Close()
// belongs after the error check.
//
// Engine: no fix is offered because ob.Released is true: (*sql.Rows).Scan's
// summary says the receiver escapes (see pending/missed
// rowsScanErrorReturn), and resourceclose.go deferFix withholds the fix
// from any resource released or escaping somewhere in the function.
func rowsScanned(ctx context.Context, db *sql.DB) ([]int, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs") // want `sql\.Rows rows from db\.QueryContext`
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		var id int
		if rows.Scan(&id) != nil {
			break
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// cancelBlankAssigned: "_ = cancel"; the fix defers the call right after
// the assignment (context.WithTimeout returns no error).
//
// Engine: sites.go insertionPoint takes the last left-hand name (cancel)
// for the error variable whenever there are two or more, then finds no
// "if cancel != nil" after it and offers no fix. It should look for an
// error only when the call's last result is of type error.
func cancelBlankAssigned(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second) // want `cancel func cancel from context\.WithTimeout`
	_ = cancel
	return work(ctx)
}

// cancelNeverCalled: the cancel func is only compared with nil.
//
// Engine: as cancelBlankAssigned.
func cancelNeverCalled(parent context.Context, work func(context.Context) error) error {
	ctx, stop := context.WithCancel(parent) // want `cancel func stop from context\.WithCancel`
	if stop == nil {
		return nil
	}
	return work(ctx)
}

// causeNeverCalled: a context.CancelCauseFunc takes the cause; the fix
// must be "defer cancel(nil)" (and the message "add defer cancel(nil)").
//
// Engine: as cancelBlankAssigned; and once the insertion point is fixed,
// kinds.go KindCancel's Fix "%s()" would produce "defer cancel()", which
// does not compile for WithCancelCause's CancelCauseFunc.
func causeNeverCalled(parent context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithCancelCause(parent) // want `cancel func cancel from context\.WithCancelCause`
	_ = cancel
	return work(ctx)
}

// execErrorNoRollback: the ANCHOR-GAPS case; the defer covers the exec
// error path, and Commit stays.
//
// Engine: not reported at all since 26d35b1; see pending/missed
// execErrorNoRollback (the receiver of every *sql.Tx query or exec method
// escapes through grabConn's tuple result).
func execErrorNoRollback(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
		return err
	}
	return tx.Commit()
}

// connTx: a transaction on a dedicated conn.
//
// Engine: not reported at all since 26d35b1; see pending/missed
// execErrorNoRollback (the receiver of every *sql.Tx query or exec method
// escapes through grabConn's tuple result).
func connTx(ctx context.Context, conn *sql.Conn) (int, error) {
	txn, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // want `sql\.Tx txn from conn\.BeginTx`
	if err != nil {
		return 0, err
	}
	var n int
	if err := txn.QueryRowContext(ctx, "select count(*) from jobs").Scan(&n); err != nil {
		return 0, err
	}
	return n, txn.Commit()
}

// txInLoop: no fix inside a loop (defers pile up until return).
//
// Engine: not reported at all since 26d35b1; see pending/missed
// execErrorNoRollback (the receiver of every *sql.Tx query or exec method
// escapes through grabConn's tuple result).
func txInLoop(db *sql.DB, ids []int) error {
	for _, id := range ids {
		tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin`
		if err != nil {
			return err
		}
		if _, err := tx.Exec("delete from jobs where id = ?", id); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
