package good

import (
	"context"
	"database/sql"
)

// Hard negatives for transactions used through queries: a checker that
// treats tx.QueryRow(...).Scan as finishing the transaction stays silent
// on the bad/ cases; one that treats every query as a leak reports these.

// queryRowThenCommit: the Scan error rolls back, the success path commits.
func queryRowThenCommit(ctx context.Context, db *sql.DB, id int) (string, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	var name string
	if err := tx.QueryRowContext(ctx, "select name from jobs where id = ?", id).Scan(&name); err != nil {
		tx.Rollback()
		return "", err
	}
	return name, tx.Commit()
}

// queryRowDeferredRollback: the deferred Rollback covers every exit (a
// no-op after Commit).
func queryRowDeferredRollback(db *sql.DB) (int, error) {
	tx, err := db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow("select count(*) from jobs").Scan(&n); err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// countIn reads through the transaction it is given and leaves finishing
// it to its caller.
func countIn(ctx context.Context, tx *sql.Tx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "select count(*) from jobs").Scan(&n)
	return n, err
}

// helperQueriesCallerCommits: the helper borrows the transaction; the
// caller finishes it on both paths.
func helperQueriesCallerCommits(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	n, err := countIn(ctx, tx)
	if err != nil {
		tx.Rollback()
		return 0, err
	}
	return n, tx.Commit()
}

// rowsThenCommit: tx.Query's rows are closed by the defer, the transaction
// by Commit or the Rollback on the rows error.
func rowsThenCommit(ctx context.Context, db *sql.DB) ([]int, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
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
		tx.Rollback()
		return nil, err
	}
	return ids, tx.Commit()
}

// returnedWithItsRows: the transaction goes back to the caller with the
// rows read through it; the caller finishes both.
func returnedWithItsRows(ctx context.Context, db *sql.DB) (*sql.Tx, *sql.Rows, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	rows, err := tx.QueryContext(ctx, "select id from jobs for update")
	if err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	return tx, rows, nil
}
