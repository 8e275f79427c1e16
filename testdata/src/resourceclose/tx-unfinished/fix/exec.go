package fix

import (
	"context"
	"database/sql"
)

// execErrorNoRollback: the ANCHOR-GAPS case; the defer covers the exec
// error path, and Commit stays.
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

// txInLoop: no fix inside a loop (defers pile up until return).
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
