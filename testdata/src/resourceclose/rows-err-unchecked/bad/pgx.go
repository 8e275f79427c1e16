package bad

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxNoErrCheck: pgx's Next also returns false on a failed read (a
// dropped connection mid-result): without rows.Err the partial result
// looks complete.
func pgxNoErrCheck(ctx context.Context, pool *pgxpool.Pool) ([]string, error) {
	rows, err := pool.Query(ctx, "select name from users") // want `rows from pool.Query \(line 13\) are iterated with Next but rows.Err\(\) is never checked`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}
