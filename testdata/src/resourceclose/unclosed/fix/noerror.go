package fix

import (
	"context"
	"database/sql"
	"os"
)

// noErrorResultComment: os.NewFile returns no error, so the defer goes
// right after the assignment, below it.
func noErrorResultComment(fd uintptr) (int64, error) {
	f := os.NewFile(fd, "inherited") // want `file f from os\.NewFile`
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// rowsScanned: rows scanned in a loop and never closed; defer rows.Close()
// belongs after the error check.
func rowsScanned(ctx context.Context, db *sql.DB) ([]int, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs") // want `sql\.Rows rows from db\.QueryContext`
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		var id int
		if rows.Scan(&id) != nil {
			break
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
