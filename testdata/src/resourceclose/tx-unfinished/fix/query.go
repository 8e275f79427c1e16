package fix

import (
	"context"
	"database/sql"
)

// connTx: a transaction on a dedicated conn.
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
