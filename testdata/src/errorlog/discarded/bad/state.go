package bad

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
)

// A transaction committed as a statement: a failed commit (a serialization
// conflict, a lost connection) rolls the work back, and the caller is told
// it was saved.
func markDone(db *sql.DB, id int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE jobs SET done = true WHERE id = $1", id); err != nil {
		tx.Rollback()
		return err
	}
	tx.Commit() // want `the error of Tx.Commit is dropped: the change it makes may not have happened`
	return nil
}

// A deferred Commit: its error can never reach anyone.
func audit(db *sql.DB, msg string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Commit() // want `the error of Tx.Commit is dropped`
	_, err = tx.Exec("INSERT INTO audit(msg) VALUES ($1)", msg)
	return err
}

// The atomic-replace idiom with the rename's error dropped: a failed
// rename leaves the old file in place and reports success.
func replace(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	os.Rename(tmp, path) // want `the error of os.Rename is dropped`
	return nil
}

// A key file whose permissions are never confirmed.
func saveKey(path string, key []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	f.Chmod(0o600) // want `the error of File.Chmod is dropped`
	if _, err := f.Write(key); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// A statement executed as a statement.
func touchSession(db *sql.DB, id string) {
	db.Exec("UPDATE sessions SET seen = now() WHERE id = $1", id) // want `the error of DB.Exec is dropped`
}

// users is a repository whose methods return their statement's error.
type users struct{ db *sql.DB }

func (u *users) remove(ctx context.Context, id int) error {
	_, err := u.db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", id)
	if err != nil {
		return fmt.Errorf("remove user %d: %w", id, err)
	}
	return nil
}

// disable reaches the statement through remove: its error is the
// statement's too.
func (u *users) disable(ctx context.Context, id int) error {
	return u.remove(ctx, id)
}

// The module's own method that deletes a record, its error dropped: the
// caller reports success for a user who is still there.
func purge(ctx context.Context, u *users, ids []int) int {
	for _, id := range ids {
		u.remove(ctx, id) // want `the error of users.remove \(whose error is that of DB.ExecContext\) is dropped`
	}
	return len(ids)
}

// Two helpers deep.
func suspend(ctx context.Context, u *users, id int) {
	u.disable(ctx, id) // want `the error of users.disable \(whose error is that of DB.ExecContext\) is dropped`
}

// An encoding written to a file this function created, its error dropped:
// a full disk leaves a truncated record and the caller is told it saved.
func saveState(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	json.NewEncoder(f).Encode(v) // want `the error of Encoder.Encode into a file opened with os.Create is dropped`
	return f.Close()
}

// A report saved by a benchmark's command line: the write's error is
// dropped and the success message printed regardless (modelled on nats.go's
// examples/nats-bench, which saves its CSV this way).
func saveReport(path string, rows []string) {
	var csv []byte
	for _, r := range rows {
		csv = append(csv, r...)
		csv = append(csv, '\n')
	}
	os.WriteFile(path, csv, 0o644) // want `the error of os.WriteFile is dropped`
	fmt.Printf("saved %d rows in %s\n", len(rows), path)
}
