package good

import (
	"database/sql"
	"os"
)

// A rollback after a failure and a deferred rollback are best effort: the
// first error is the one that matters.
func markDone(db *sql.DB, id int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE jobs SET done = true WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}

// Cleanup on the way out of a failure: the rename's first error is
// returned, the chmod and the removal are best effort.
func replace(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		os.Chmod(tmp, 0o600)
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// An explicit blank assignment is a decision, not an oversight.
func bestEffortMkdir(dir string) {
	_ = os.MkdirAll(dir, 0o755)
}

// A directory made before a file is created in it: a failed MkdirAll
// surfaces as OpenFile's error, which is checked (nats-server's snapshot
// restore, server/stream.go).
func restoreInto(path string, data []byte) error {
	os.MkdirAll(path+".d", 0o755)
	f, err := os.OpenFile(path+".d/data", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
