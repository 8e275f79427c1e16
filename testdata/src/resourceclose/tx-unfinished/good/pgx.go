package good

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxDeferRollback: pgx's Rollback after Commit does nothing, so the
// deferred Rollback covers every early return.
func pgxDeferRollback(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "update jobs set done = true"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// pgxFinish ends a transaction either way.
func pgxFinish(ctx context.Context, tx pgx.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// pgxFinishedByHelper: the helper's summary says it ends the transaction.
func pgxFinishedByHelper(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "delete from jobs")
	return pgxFinish(ctx, tx, err)
}

// pgxReturnTx: the caller owns a returned transaction.
func pgxReturnTx(ctx context.Context, pool *pgxpool.Pool) (pgx.Tx, error) {
	return pool.Begin(ctx)
}
