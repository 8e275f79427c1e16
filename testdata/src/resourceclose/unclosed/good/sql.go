package good

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
)

// rowsDeferredBeforeLoop: defer rows.Close() before the for-Next loop;
// the early return inside the loop is covered.
func rowsDeferredBeforeLoop(db *sql.DB) ([]string, error) {
	rows, err := db.Query("select name from users")
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
	return names, rows.Err()
}

// rowsClosedOnEveryExit: closed explicitly before each return.
func rowsClosedOnEveryExit(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs")
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		total += id
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	return total, rows.Err()
}

// closeRows closes rows for a deferred call (sqlclosecheck #43 in
// ANCHOR-GAPS: "defer deferRows(rows)" is reported there).
func closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		_ = err
	}
}

// rowsClosedByHelper: defer a same-package helper that closes the rows.
func rowsClosedByHelper(db *sql.DB) (int, error) {
	rows, err := db.Query("select count(*) from users")
	if err != nil {
		return 0, err
	}
	defer closeRows(rows)
	n := 0
	if rows.Next() {
		err = rows.Scan(&n)
	} else {
		err = rows.Err()
	}
	return n, err
}

// rowsReturned: the rows go to the caller, who iterates and closes them.
func rowsReturned(ctx context.Context, db *sql.DB, owner string) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs where owner = ?", owner)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return rows, nil
}

// stmtDeferred: the statement is closed after use.
func stmtDeferred(db *sql.DB, ids []int) error {
	stmt, err := db.Prepare("delete from jobs where id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

// connClosed: a dedicated sql.Conn returned to the pool with defer.
func connClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "set search_path = app")
	return err
}

var appDB *sql.DB

// openStoredGlobal: sql.Open's pool stored in a package variable for the
// program's lifetime.
func openStoredGlobal(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	appDB = db
	return nil
}

// openReturned: the pool goes to the caller.
func openReturned(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	return db, nil
}

// openPingFails: closed when the ping fails, returned otherwise.
func openPingFails(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// testDB: a test helper; t.Fatal never returns (it ends the test
// goroutine), and t.Cleanup takes the close.
func testDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// testCount: a test helper whose failure paths end in t.Fatalf, which
// never returns (it ends the test goroutine): the return written after it
// is unreachable, so the rows owe nothing there.
func testCount(t *testing.T, db *sql.DB) int {
	rows, err := db.Query("select count(*) from users")
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	if !rows.Next() {
		t.Fatalf("no rows: %v", rows.Err())
		return 0
	}
	var n int
	if err := rows.Scan(&n); err != nil {
		rows.Close()
		t.Fatalf("scan: %v", err)
	}
	rows.Close()
	return n
}

// txStmtClosedWithTx: a statement prepared on a transaction is closed when
// the transaction commits or rolls back (database/sql documents it), so it
// need not be closed itself.
func txStmtClosedWithTx(ctx context.Context, db *sql.DB, ids []int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "delete from jobs where id = ?")
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return tx.Commit()
}
