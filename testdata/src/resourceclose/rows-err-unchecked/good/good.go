package good

import (
	"database/sql"
)

// checked: Err after the loop.
func checked(db *sql.DB) (int, error) {
	rows, err := db.Query("select 1")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// checkedInDefer: Err checked in a deferred closure.
func checkedInDefer(db *sql.DB) (n int, err error) {
	rows, err := db.Query("select 1")
	if err != nil {
		return 0, err
	}
	defer func() {
		rows.Close()
		if rerr := rows.Err(); rerr != nil && err == nil {
			err = rerr
		}
	}()
	for rows.Next() {
		n++
	}
	return n, nil
}

// handedOn: a helper that receives the rows may check Err; left alone.
func handedOn(db *sql.DB) error {
	rows, err := db.Query("select 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return scanAll(rows)
}

var all []*sql.Rows

func scanAll(rows *sql.Rows) error {
	all = append(all, rows)
	return nil
}

// noNext: rows never iterated (only closed): nothing to check.
func noNext(db *sql.DB) error {
	rows, err := db.Query("delete from t")
	if err != nil {
		return err
	}
	return rows.Close()
}
