package bad

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxRowsInLoop: one query per table, each rows' deferred Close waits for
// the function to return, holding one pooled connection per table until
// the pool runs dry (xataio/pgstream#294 closed them in the loop body).
func pgxRowsInLoop(ctx context.Context, pool *pgxpool.Pool, tables []string) (int, error) {
	n := 0
	for _, t := range tables {
		rows, err := pool.Query(ctx, "select count(*) from "+t)
		if err != nil {
			return 0, err
		}
		defer rows.Close() // want `deferred release of rows from pool.Query \(line 15\)`
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			return 0, err
		}
	}
	return n, nil
}
