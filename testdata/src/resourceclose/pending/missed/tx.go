package missed

import (
	"context"
	"database/sql"
)

// execErrorNoRollback: the ExecContext error path returns without
// Rollback; the transaction keeps its connection and locks. No shipped
// linter reports it (ANCHOR-GAPS: "A *sql.Tx whose ExecContext error path
// returns without Rollback").
//
// Engine: since 26d35b1 the summary of (*sql.Tx).ExecContext (and Exec,
// QueryContext, QueryRowContext, PrepareContext, which all go through
// grabConn) says the receiver escapes. grabConn returns the method value
// tx.closemuRUnlockRelease converted to releaseConn; track.go
// addClosureValue now follows that ChangeType, so grabConn "wraps" param
// 0. In ExecContext, addDerived then marks every Extract of grabConn's
// tuple as derived, including result 0 (dc, which is tx.dc, not the
// wrapped closure), and (*DB).execDC lets dc escape, so derivedUse gives
// useEscape. A Wraps summary should say which result carries the
// parameter, and addDerived should follow only that Extract.
func execErrorNoRollback(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx \(line 24\) is neither committed nor rolled back on the path returning at line 29; add defer tx\.Rollback\(\) after the error check`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "delete from jobs where id = ?", id); err != nil {
		return err // leaks here
	}
	return tx.Commit()
}

// beginNeverFinished: db.Begin, used, and left open.
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
func beginNeverFinished(db *sql.DB) (int, error) {
	tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin`
	if err != nil {
		return 0, err
	}
	var n int
	err = tx.QueryRow("select count(*) from jobs").Scan(&n)
	return n, err
}

// secondStepNoRollback: the first step rolls back on error, the second
// forgets to.
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
func secondStepNoRollback(ctx context.Context, db *sql.DB, from, to int) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx .* returning at line 63`
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
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
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
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
func txPerItemInLoop(db *sql.DB, ids []int) {
	for _, id := range ids {
		tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin .* returning at line 97`
		if err != nil {
			continue
		}
		tx.Exec("delete from jobs where id = ?", id)
	}
} // leaks here

// txWorkerLoop: a worker that begins a transaction per job and never
// finishes it; the next Begin overwrites it.
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
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
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
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

// rowsErrNoRollback: the rows error after the loop returns without
// Rollback.
//
// Engine: as execErrorNoRollback (the receiver of every *sql.Tx query or
// exec method escapes through grabConn's tuple result).
func rowsErrNoRollback(ctx context.Context, db *sql.DB) ([]int, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // want `sql\.Tx tx from db\.BeginTx`
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "select id from jobs")
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			tx.Rollback()
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return ids, tx.Commit()
}
