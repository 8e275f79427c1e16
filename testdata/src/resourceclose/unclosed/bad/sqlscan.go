package bad

import (
	"context"
	"database/sql"
)

// rowsScanErrorReturn: the rows are closed after the loop, but a Scan
// error returns from inside it with the rows open.
func rowsScanErrorReturn(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs") // want `sql\.Rows rows from db\.QueryContext`
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		total += id
	}
	rows.Close()
	return total, rows.Err()
}

// connNeverClosed: a dedicated sql.Conn is never returned to the pool.
func connNeverClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `sql\.Conn conn from db\.Conn`
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "set search_path = app")
	return err
}

// rowsNeverClosed: rows iterated to the end are closed by Next (it closes
// them when it returns false), but a Scan error returns from inside the
// loop with the rows open, holding a pooled connection.
func rowsNeverClosed(db *sql.DB) ([]string, error) {
	rows, err := db.Query("select name from users") // want `sql\.Rows rows from db\.Query .* returning at line 49`
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err // leaks here
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// dbPingDropped: a *sql.DB opened, pinged and dropped.
func dbPingDropped(dsn string) error {
	db, err := sql.Open("postgres", dsn) // want `sql\.DB db from sql\.Open`
	if err != nil {
		return err
	}
	return db.Ping()
}
