// Package bad holds positive cases for resourceclose/tx-unfinished. Where a
// message names the exit ("returning at line N"), that line is marked with
// a "leaks here" comment.
package bad

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
)

// commitOnOneBranch: committed when there is work, forgotten otherwise.
func commitOnOneBranch(ctx context.Context, db *sql.DB, ids []int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 28`
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
				tx.Rollback()
				return err
			}
		}
		return tx.Commit()
	}
	return nil // leaks here
}

var errNothingToDo = errors.New("nothing to do")

// validationAfterBegin: an input check placed after BeginTx returns
// without finishing the transaction.
func validationAfterBegin(ctx context.Context, db *sql.DB, name string) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 41`
	if err != nil {
		return err
	}
	if name == "" {
		return errNothingToDo // leaks here
	}
	if _, err := tx.ExecContext(ctx, "insert into users(name) values (?)", name); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// switchNoRollback: one case of a switch leaves without finishing.
func switchNoRollback(ctx context.Context, db *sql.DB, op string) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 63`
	if err != nil {
		return err
	}
	switch op {
	case "purge":
		if _, err := tx.ExecContext(ctx, "delete from jobs"); err != nil {
			tx.Rollback()
			return err
		}
	case "noop":
		return nil // leaks here
	default:
		tx.Rollback()
		return errors.New("unknown op " + op)
	}
	return tx.Commit()
}

// marshalAfterBegin: a step that does not touch the database fails after
// Begin, and its error return skips the Rollback.
func marshalAfterBegin(ctx context.Context, db *sql.DB, id int, v any) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 80`
	if err != nil {
		return err
	}
	payload, err := json.Marshal(v)
	if err != nil {
		return err // leaks here
	}
	if _, err := tx.ExecContext(ctx, "update jobs set payload = ? where id = ?", payload, id); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// ctxDoneAfterBegin: a cancellation check between Begin and the work
// returns without Rollback.
func ctxDoneAfterBegin(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 97`
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err // leaks here
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "delete from jobs where done"); err != nil {
		return err
	}
	return tx.Commit()
}

// continueSkipsRollback: a skipped item's transaction is left open by
// continue; the last one is still open when the loop ends.
func continueSkipsRollback(db *sql.DB, ids []int) error {
	for _, id := range ids {
		tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin .* returning at line 125`
		if err != nil {
			return err
		}
		if id <= 0 {
			continue
		}
		if _, err := tx.Exec("delete from jobs where id = ?", id); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil // leaks here
}

// workerContinueLeaks: a worker loop whose skip path continues with the
// transaction open; the next Begin overwrites it.
func workerContinueLeaks(db *sql.DB, jobs <-chan int) {
	for {
		id := <-jobs
		tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin .* is not released before the next iteration acquires another; release it inside the loop`
		if err != nil {
			continue
		}
		if id <= 0 {
			continue
		}
		if _, err := tx.Exec("delete from jobs where id = ?", id); err != nil {
			tx.Rollback()
			continue
		}
		tx.Commit()
	}
}

// doneFlagWithoutCommit: the flag that skips the deferred rollback is set
// on success, but nothing commits.
func doneFlagWithoutCommit(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 165; the deferred func at line`
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
		return err
	}
	done = true
	return nil // leaks here
}
