package good

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxDeferClose: the usual form.
func pgxDeferClose(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	rows, err := pool.Query(ctx, "select name from users")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var name string
	if !rows.Next() {
		return "", rows.Err()
	}
	err = rows.Scan(&name)
	return name, err
}

// pgxCollectRows: pgx.CollectRows reads the rows to the end and closes
// them (pgx documents it; PeerDB-io/peerdb#2694 was told so in review),
// so nothing is owed, even when the query's error is not checked first:
// pgx's failed Query returns rows that carry the error.
func pgxCollectRows(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, _ := conn.Query(ctx, "select name from users")
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// pgxCollectOneRow and pgxForEachRow: the other consuming helpers.
func pgxCollectOneRow(ctx context.Context, tx pgx.Tx) (int, error) {
	rows, err := tx.Query(ctx, "select count(*) from users")
	if err != nil {
		return 0, err
	}
	return pgx.CollectOneRow(rows, pgx.RowTo[int])
}

func pgxForEachRow(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	rows, err := pool.Query(ctx, "select id from jobs")
	if err != nil {
		return 0, err
	}
	var id, sum int
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error {
		sum += id
		return nil
	})
	return sum, err
}

// pgxNextToTheEnd: Next closes the rows when it returns false, and no
// path leaves the loop early.
func pgxNextToTheEnd(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	rows, err := pool.Query(ctx, "select id from jobs")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// pgxScanErrorInLoop: a failing Scan closes pgx's rows ("Rows is
// automatically closed upon error"), unlike database/sql's, so the return
// on its error owes nothing; the loop otherwise runs Next to the end.
func pgxScanErrorInLoop(ctx context.Context, conn *pgx.Conn) ([]int, error) {
	rows, err := conn.Query(ctx, "select id from jobs")
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// pgxValuesError: a failing Values closes them the same way.
func pgxValuesError(ctx context.Context, tx pgx.Tx) ([][]any, error) {
	rows, err := tx.Query(ctx, "select * from jobs")
	if err != nil {
		return nil, err
	}
	var out [][]any
	for rows.Next() {
		vs, err := rows.Values()
		if err != nil {
			return nil, err
		}
		out = append(out, vs)
	}
	return out, rows.Err()
}

// pgxReturnRows: the caller owns returned rows.
func pgxReturnRows(ctx context.Context, conn *pgx.Conn) (pgx.Rows, error) {
	return conn.Query(ctx, "select 1")
}

// pgxQueryRow: QueryRow returns its rows as a Row, which has no Close:
// its Scan closes what it reads, and nothing is owed.
func pgxQueryRow(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	var s string
	err := pool.QueryRow(ctx, "select 'x'").Scan(&s)
	return s, err
}

// pgxAcquireDeferRelease: a pooled connection given back by defer, its
// own rows closed before it.
func pgxAcquireDeferRelease(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	if err := c.Ping(ctx); err != nil {
		return err
	}
	rows, err := c.Query(ctx, "select 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	_, err = c.Exec(ctx, "select 2")
	return err
}

// pgxHijack: Hijack takes the connection out of the pool; the caller of
// this function closes the *pgx.Conn, and the failing path releases.
func pgxHijack(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	if c.Conn().IsClosed() {
		c.Release()
		return nil, errors.New("connection closed")
	}
	return c.Hijack(), nil
}

// pgxConnHolder keeps a pooled connection for a session; Close releases.
type pgxConnHolder struct{ c *pgxpool.Conn }

// pgxKeepConn: stored in a struct the caller owns.
func pgxKeepConn(ctx context.Context, pool *pgxpool.Pool, h *pgxConnHolder) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	h.c = c
	return nil
}

// pgxQueryRowKept: a Row kept and scanned later is no different.
func pgxQueryRowKept(ctx context.Context, conn *pgx.Conn) (int, error) {
	row := conn.QueryRow(ctx, "select 1")
	var n int
	if err := row.Scan(&n); err != nil {
		return 0, err
	}
	return n, nil
}

// pgxBatchClosed: Close reads what is left and returns the batch's error.
func pgxBatchClosed(ctx context.Context, tx pgx.Tx) error {
	b := &pgx.Batch{}
	b.Queue("insert into t values (1)")
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	_, err := br.Exec()
	return err
}

// pgxBatchCloseResult: the usual short form.
func pgxBatchCloseResult(ctx context.Context, pool *pgxpool.Pool, b *pgx.Batch) error {
	return pool.SendBatch(ctx, b).Close()
}
