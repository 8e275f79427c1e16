package bad

import (
	"context"
	"database/sql"
)

// noErrCheck: the loop ends on error exactly like on the last row.
func noErrCheck(db *sql.DB) ([]int, error) {
	rows, err := db.Query("select id from t") // want `rows from db.Query \(line 10\) are iterated with Next but rows.Err\(\) is never checked`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// txRows: rows from a transaction, same bug.
func txRows(ctx context.Context, tx *sql.Tx) (int, error) {
	r, err := tx.QueryContext(ctx, "select 1") // want `r from tx.QueryContext .* r.Err\(\) is never checked`
	if err != nil {
		return 0, err
	}
	defer r.Close()
	n := 0
	for r.Next() {
		n++
	}
	return n, nil
}
