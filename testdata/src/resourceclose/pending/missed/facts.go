package missed

import (
	"context"
	"database/sql"

	"resourceclose/facts/dep"
)

// txInspectedNotFinished: dep.Inspect borrows the transaction; nothing
// finishes it. (resourceclose/tx-unfinished)
//
// Engine: dep.Inspect's summary says param 1 escapes, because
// (*sql.Tx).QueryRowContext's receiver escapes (see execErrorNoRollback in
// tx.go); with a correct Tx summary dep.Inspect borrows it.
func txInspectedNotFinished(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx`
	if err != nil {
		return 0, err
	}
	return dep.Inspect(ctx, tx)
}
