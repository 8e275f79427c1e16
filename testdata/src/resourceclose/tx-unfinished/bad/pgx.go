package bad

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxTxErrorPath: the failed Exec returns with the transaction open; a
// transaction from a pool keeps its pooled connection (and its locks)
// until Commit or Rollback, which pgx asks for with defer tx.Rollback(ctx).
func pgxTxErrorPath(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx) // want `pgx\.Tx tx from pool\.Begin \(line 14\) is neither committed nor rolled back on the path returning at line 19; add defer tx\.Rollback\(ctx\)`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "update jobs set done = true"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// pgxSavepoint: a nested transaction (a savepoint) is owed the same.
func pgxSavepoint(ctx context.Context, tx pgx.Tx) error {
	sp, err := tx.Begin(ctx) // want `pgx\.Tx sp from tx\.Begin .* neither committed nor rolled back`
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "delete from jobs"); err != nil {
		return err
	}
	return sp.Commit(ctx)
}
