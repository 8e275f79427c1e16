// Transactions used only through queries: by database/sql's contract a
// Tx ends only with Commit or Rollback ("The transaction must end with a
// call to Commit or Rollback"); tx.QueryRow(...).Scan closes the row's
// rows, not the transaction, which keeps its connection (the pattern
// flatcar/nebraska#500 fixed: every transaction must hand its connection
// back through Commit or Rollback).
package bad

import (
	"context"
	"database/sql"
)

// beginNeverFinished: db.Begin, used, and left open.
func beginNeverFinished(db *sql.DB) (int, error) {
	tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin`
	if err != nil {
		return 0, err
	}
	var n int
	err = tx.QueryRow("select count(*) from jobs").Scan(&n)
	return n, err
}

// rowsErrNoRollback: the rows error after the loop returns without
// Rollback.
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
