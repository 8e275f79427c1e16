// Package fix holds cases whose suggested fix is missing or wrong (or whose
// diagnostic is missing, see pending/missed), one case per file; the
// .golden file is the output the fix should produce. Each case says what
// the engine does wrong; once fixed, a case moves back to its rule's fix/
// directory. TestRules runs them with inverted expectations (ruletest's
// pending.go): it fails when the fixes produce the .golden file.
package fix

import (
	"context"
	"database/sql"
)

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
