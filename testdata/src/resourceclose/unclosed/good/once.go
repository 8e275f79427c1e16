package good

import (
	"database/sql"
	"os"
	"sync"
)

// closeOnce: closed through sync.Once, from the normal path and the error
// path alike.
func closeOnce(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	var once sync.Once
	closeIt := func() { once.Do(func() { f.Close() }) }
	defer closeIt()
	if _, err := f.Stat(); err != nil {
		closeIt()
		return err
	}
	return nil
}

// rowsDrainedNoClose: the rows are iterated until Next returns false,
// which closes them (database/sql: "If Next is called and returns false
// and there are no further result sets, the Rows are closed
// automatically"); no early exit leaves the loop. Many reviewers still
// ask for defer rows.Close(), so whether this is a finding is a policy
// choice; today the engine reports it as a leak at the final return.
func rowsDrainedNoClose(db *sql.DB) (int, error) {
	rows, err := db.Query("select id from jobs")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
