package fix

import (
	"database/sql"
	"fmt"
	"io"
	"os"
)

// A function returning an error: the body moves into a literal that
// returns its errors to the loop.
func copyAll(names []string, w io.Writer) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `deferred release of f from os.Open`
		if _, err := io.Copy(w, f); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
	}
	return nil
}

// A function returning nothing, with an inner loop that breaks.
func countRows(db *sql.DB, tables []string) {
	for i := 0; i < len(tables); i++ {
		rows, err := db.Query("select 1 from " + tables[i])
		if err != nil {
			continue
		}
		defer rows.Close() // want `deferred release of rows from db.Query`
		n := 0
		for rows.Next() {
			n++
			if n > 10 {
				break
			}
		}
		fmt.Println(tables[i], n)
	}
}

// countRows continues the loop itself: no fix there. This one returns nil
// early from the whole function, which a literal would turn into "next
// iteration": no fix either.
func firstNonEmpty(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `deferred release of f from os.Open`
		if st, err := f.Stat(); err == nil && st.Size() > 0 {
			return nil
		}
	}
	return nil
}

// A function returning nothing: the body moves into a literal as it is.
func dumpAll(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err == nil {
			defer f.Close() // want `deferred release of f from os.Open`
			io.Copy(os.Stdout, f)
		}
	}
}
