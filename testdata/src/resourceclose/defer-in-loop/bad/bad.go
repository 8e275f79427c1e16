package bad

import (
	"database/sql"
	"io"
	"os"
)

// filesInLoop: every file stays open until the function returns.
func filesInLoop(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `deferred release of f from os.Open \(line 12\) runs when the function returns`
		if _, err := io.Copy(io.Discard, f); err != nil {
			return err
		}
	}
	return nil
}

// rowsInLoop: each query's rows keep a pooled connection until return.
func rowsInLoop(db *sql.DB, ids []int) error {
	for _, id := range ids {
		rows, err := db.Query("select * from t where id = ?", id)
		if err != nil {
			return err
		}
		defer rows.Close() // want `deferred release of rows from db.Query`
		for rows.Next() {
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// closureInLoop: a deferred closure is still deferred to the function.
func closureInLoop(names []string) {
	for i := 0; i < len(names); i++ {
		f, err := os.Create(names[i])
		if err != nil {
			continue
		}
		defer func() { // want `deferred release of f from os.Create`
			_ = f.Close()
		}()
		f.WriteString("x")
	}
}

// lastKeptAfterLoop: the variable outlives the loop (its last file is
// used after it), but each iteration's file is dead when the next one is
// opened: all but the last stay open for nothing.
func lastKeptAfterLoop(names []string) (string, error) {
	var f *os.File
	for _, name := range names {
		var err error
		f, err = os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close() // want `deferred release of f from os.Open`
	}
	if f == nil {
		return "", nil
	}
	return f.Name(), nil
}
