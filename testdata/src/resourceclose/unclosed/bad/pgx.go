package bad

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	pgxv4 "github.com/jackc/pgx/v4"
	pgxpoolv4 "github.com/jackc/pgx/v4/pgxpool"
)

// pgxFirstRowOnly: only the first row is read, so Next never returns
// false and the rows keep the pool's connection (jackc/pgx#1208: pooled
// connections stuck as acquired after queries whose rows were left open;
// PeerDB-io/peerdb#2694 closed such rows).
func pgxFirstRowOnly(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "select name from users") // want `pgx\.Rows rows from pool\.Query \(line 18\) is not closed on the path returning at line 28; add defer rows\.Close\(\)`
	if err != nil {
		return "", err
	}
	var name string
	if rows.Next() {
		err = rows.Scan(&name)
	} else {
		err = rows.Err()
	}
	return name, err
}

// pgxLimitInLoop: the return inside the loop, once the limit is
// reached, leaves the rows open; only running Next to the end closes them.
func pgxLimitInLoop(ctx context.Context, conn *pgx.Conn, limit int) ([]int, error) {
	rows, err := conn.Query(ctx, "select id from jobs") // want `pgx\.Rows rows from conn\.Query .* returning at line 41`
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		if len(ids) == limit {
			return ids, nil
		}
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// pgxScannedOnce: a successful Scan leaves the rows open (only a failing
// one closes them).
func pgxScannedOnce(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	rows, err := pool.Query(ctx, "select count(*) from jobs") // want `pgx\.Rows rows from pool\.Query`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, rows.Err()
	}
	var n int
	err = rows.Scan(&n)
	return n, err
}

// pgxTxRowsValues: rows of a transaction (pgx.Tx is an interface) read
// once with Values and never closed.
func pgxTxRowsValues(ctx context.Context, tx pgx.Tx) ([]any, error) {
	rows, err := tx.Query(ctx, "select * from jobs") // want `pgx\.Rows rows from tx\.Query`
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	return rows.Values()
}

// pgxAcquireErrorPath: the early return after a failed Exec never gives
// the connection back to the pool, which then runs dry.
func pgxAcquireErrorPath(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx) // want `pgxpool\.Conn c from pool\.Acquire \(line 83\) is not released on the path returning at line 88; add defer c\.Release\(\)`
	if err != nil {
		return err
	}
	if _, err := c.Exec(ctx, "set search_path = app"); err != nil {
		return err
	}
	c.Release()
	return nil
}

// pgxQuerier is the interface sqlc generates over pgx's connection,
// pool and transaction: its Query forwards to theirs.
type pgxQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// pgxQueryThroughInterface: rows from an interface method returning
// pgx.Rows are the caller's to close.
func pgxQueryThroughInterface(ctx context.Context, q pgxQuerier) (bool, error) {
	rows, err := q.Query(ctx, "select 1") // want `pgx\.Rows rows from q\.Query`
	if err != nil {
		return false, err
	}
	return rows.Next(), rows.Err()
}

// pgxV4: the same kinds in pgx v4.
func pgxV4(ctx context.Context, pool *pgxpoolv4.Pool, conn *pgxv4.Conn) error {
	rows, err := pool.Query(ctx, "select 1") // want `pgx\.Rows rows from pool\.Query`
	if err != nil {
		return err
	}
	if !rows.Next() {
		return rows.Err()
	}
	c, err := pool.Acquire(ctx) // want `pgxpool\.Conn c from pool\.Acquire`
	if err != nil {
		return err
	}
	more, err := conn.Query(ctx, "select 2") // want `pgx\.Rows more from conn\.Query`
	if err != nil {
		return err
	}
	_ = more
	_ = c
	return nil
}

// pgxBatchNotClosed: the batch's results are read but never closed, so
// the pool's connection cannot be used again (pgx: "Close must be called
// before the underlying connection can be used again").
func pgxBatchNotClosed(ctx context.Context, pool *pgxpool.Pool) error {
	b := &pgx.Batch{}
	b.Queue("insert into t values (1)")
	b.Queue("insert into t values (2)")
	br := pool.SendBatch(ctx, b) // want `pgx\.BatchResults br from pool\.SendBatch \(line [0-9]+\) is not closed`
	if _, err := br.Exec(); err != nil {
		return err
	}
	_, err := br.Exec()
	return err
}
