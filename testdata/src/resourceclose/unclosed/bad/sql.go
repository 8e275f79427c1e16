package bad

import (
	"context"
	"database/sql"
)

// rowsClosedAfterLoop: the close after the loop is skipped by the early
// return inside it once the limit is reached.
func rowsClosedAfterLoop(ctx context.Context, db *sql.DB, limit int) ([]int, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs") // want `sql\.Rows rows from db\.QueryContext .* returning at line 18`
	if err != nil {
		return nil, err
	}
	var ids []int
	for rows.Next() {
		if len(ids) == limit {
			return ids, nil // leaks here
		}
		var id int
		if err := rows.Scan(&id); err != nil {
			break
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}

// rowsFirstOnly: reading only the first row and returning leaves the rows
// open (Next closes them only when it runs out).
func rowsFirstOnly(db *sql.DB) (string, error) {
	rows, err := db.Query("select name from users order by id") // want `sql\.Rows rows from db\.Query`
	if err != nil {
		return "", err
	}
	var n string
	if rows.Next() {
		err = rows.Scan(&n)
	} else {
		err = rows.Err()
	}
	return n, err
}

// stmtNeverClosed: a prepared statement holds server-side resources.
func stmtNeverClosed(db *sql.DB, ids []int) error {
	stmt, err := db.Prepare("delete from jobs where id = ?") // want `sql\.Stmt stmt from db\.Prepare`
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

// dbDropped: a *sql.DB from sql.Open is configured and dropped: neither
// stored, returned nor closed, its pool outlives the call.
func dbDropped(dsn string) error {
	db, err := sql.Open("postgres", dsn) // want `sql\.DB db from sql\.Open`
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(8)
	return nil
}

// rowsBreakEarly: the loop stops at the first match; the rows are left
// open (only a Next that returns false closes them).
func rowsBreakEarly(db *sql.DB, want string) (bool, error) {
	rows, err := db.Query("select name from users") // want `sql\.Rows rows from db\.Query .* returning at line 86`
	if err != nil {
		return false, err
	}
	found := false
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil && n == want {
			found = true
			break
		}
	}
	return found, rows.Err() // leaks here
}
