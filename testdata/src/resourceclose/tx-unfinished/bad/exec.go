// Cases once pending (the receiver of every *sql.Tx query or exec method
// used to escape through grabConn's tuple result); reported since.
package bad

import (
	"context"
	"database/sql"
)

// execErrorNoRollback: the ExecContext error path returns without
// Rollback; the transaction keeps its connection and locks. No shipped
// linter reports it (ANCHOR-GAPS: "A *sql.Tx whose ExecContext error path
// returns without Rollback").
func execErrorNoRollback(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx \(line 15\) is neither committed nor rolled back on the path returning at line 20; add defer tx\.Rollback\(\) after the error check`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
		return err // leaks here
	}
	return tx.Commit()
}

// secondStepNoRollback: the first step rolls back on error, the second
// forgets to.
func secondStepNoRollback(ctx context.Context, db *sql.DB, from, to int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 37`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "update acct set n = n - 1 where id = ?", from); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, "update acct set n = n + 1 where id = ?", to); err != nil {
		return err // leaks here
	}
	return tx.Commit()
}

// connBeginTx: a transaction on a dedicated conn, same bug.
func connBeginTx(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) // want `sql\.Tx tx from conn\.BeginTx`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "lock table jobs"); err != nil {
		return err
	}
	return tx.Commit()
}

// txPerItemInLoop: a transaction per item, never finished: each Begin
// overwrites the previous one, and the last is still open when the
// function falls off its end (the reported exit).
func txPerItemInLoop(db *sql.DB, ids []int) {
	for _, id := range ids {
		tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin .* returning at line 65`
		if err != nil {
			continue
		}
		tx.Exec("delete from jobs where id = ?", id)
	}
} // leaks here

// txWorkerLoop: a worker that begins a transaction per job and never
// finishes it; the next Begin overwrites it.
func txWorkerLoop(db *sql.DB, jobs <-chan int) {
	for {
		id := <-jobs
		tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin .* is not released before the next iteration acquires another; release it inside the loop`
		if err != nil {
			continue
		}
		tx.Exec("update jobs set started = now() where id = ?", id)
	}
}

// closureNoRollback: a transaction opened in a function literal leaks on
// its error path.
func closureNoRollback(ctx context.Context, db *sql.DB, ids []int) error {
	del := func(id int) error {
		tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx`
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
			return err
		}
		return tx.Commit()
	}
	for _, id := range ids {
		if err := del(id); err != nil {
			return err
		}
	}
	return nil
}
