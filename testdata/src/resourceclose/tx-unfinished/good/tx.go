// Package good holds hard negatives for resourceclose/tx-unfinished.
package good

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
)

// deferRollbackThenCommit: the canonical form; Rollback after a
// successful Commit is a no-op (it returns sql.ErrTxDone).
func deferRollbackThenCommit(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
		return err
	}
	return tx.Commit()
}

// rollbackEveryErrorPath: an explicit Rollback on each error path, Commit
// at the end.
func rollbackEveryErrorPath(ctx context.Context, db *sql.DB, from, to int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "update acct set n = n - 1 where id = ?", from); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, "update acct set n = n + 1 where id = ?", to); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// commitErrorChecked: a failed Commit still finishes the transaction; the
// error path after it owes nothing.
func commitErrorChecked(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "delete from jobs"); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// finish commits when err is nil and rolls back otherwise.
func finish(tx *sql.Tx, err error) error {
	if err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// helperFinishes: the transaction is handed to a helper that commits or
// rolls back on every path.
func helperFinishes(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "delete from jobs where id = ?", id)
	return finish(tx, err)
}

// deferredClosureFinishes: a deferred closure commits or rolls back
// depending on the named error result.
func deferredClosureFinishes(ctx context.Context, db *sql.DB, id int) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	_, err = tx.ExecContext(ctx, "delete from jobs where id = ?", id)
	return err
}

// beginReturned: the transaction goes to the caller.
func beginReturned(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	return tx, nil
}

// unitOfWork carries a transaction across calls; Done finishes it.
type unitOfWork struct {
	tx *sql.Tx
}

// start: the transaction is stored in the receiver.
func (u *unitOfWork) start(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	u.tx = tx
	return nil
}

// newUnitOfWork: the transaction goes out inside the returned struct.
func newUnitOfWork(ctx context.Context, db *sql.DB) (*unitOfWork, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &unitOfWork{tx: tx}, nil
}

// panicAfterBegin: the error path rolls back and panics; the panic ends
// the path.
func panicAfterBegin(db *sql.DB) {
	tx, err := db.Begin()
	if err != nil {
		panic(err)
	}
	if _, err := tx.Exec("delete from jobs"); err != nil {
		tx.Rollback()
		panic(err)
	}
	if err := tx.Commit(); err != nil {
		log.Fatal(err)
	}
}

// fatalAfterBegin: log.Fatal on the exec error never returns.
func fatalAfterBegin(db *sql.DB) {
	tx, err := db.Begin()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := tx.Exec("delete from jobs"); err != nil {
		log.Fatalf("purge: %v", err)
	}
	tx.Commit()
}

// connDeferRollback: a transaction on a dedicated conn with defer
// Rollback.
func connDeferRollback(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "lock table jobs"); err != nil {
		return err
	}
	return tx.Commit()
}

// commitOrRollbackOnBranch: both branches of an if finish it.
func commitOrRollbackOnBranch(ctx context.Context, db *sql.DB, dryRun bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "delete from jobs where done"); err != nil {
		tx.Rollback()
		return err
	}
	if dryRun {
		return tx.Rollback()
	}
	return tx.Commit()
}

// txPerItemFinished: each iteration's transaction is finished before the
// next begins.
func txPerItemFinished(db *sql.DB, ids []int) error {
	for _, id := range ids {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec("delete from jobs where id = ?", id); err != nil {
			tx.Rollback()
			continue
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// withTx: runs fn in a transaction and finishes it; fn is a func value the
// analysis cannot see into, so handing it the transaction counts as an
// escape, and the commit and rollback cover the rest.
func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// txToChannel: a transaction handed to a worker over a channel.
func txToChannel(ctx context.Context, db *sql.DB, work chan<- *sql.Tx) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	work <- tx
	return nil
}

// recoverDeferred: the classic deferred finisher with recover: roll back
// and re-panic, roll back on error, commit otherwise.
func recoverDeferred(ctx context.Context, db *sql.DB, id int) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		} else if err != nil {
			tx.Rollback()
		} else {
			err = tx.Commit()
		}
	}()
	_, err = tx.ExecContext(ctx, "delete from jobs where id = ?", id)
	return err
}

// goroutineFinishes: a goroutine does the work and finishes the
// transaction.
func goroutineFinishes(ctx context.Context, db *sql.DB, id int, errc chan<- error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	go func() {
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
			errc <- err
			return
		}
		errc <- tx.Commit()
	}()
	return nil
}

// committedFlag: the deferred closure rolls back unless the commit
// succeeded; every path either commits or returns with the flag unset.
func committedFlag(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	committed = true
	return nil
}

// committedFlagReturned: the transaction is handed to the caller, who
// commits it; the flag says so.
func committedFlagReturned(ctx context.Context, db *sql.DB, id int) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	handed := false
	defer func() {
		if !handed {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, "select 1 from jobs where id = ? for update", id); err != nil {
		return nil, err
	}
	handed = true
	return tx, nil
}
