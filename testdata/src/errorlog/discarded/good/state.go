package good

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"log"
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

// accounts is a repository with helpers whose errors do not report a
// change that did not happen.
type accounts struct{ db *sql.DB }

// validate fails only on its input: dropping it loses no change.
func (a *accounts) validate(name string) error {
	if name == "" {
		return errors.New("empty name")
	}
	return nil
}

// touch logs its statement's failure and returns nil: the caller has
// nothing to check.
func (a *accounts) touch(ctx context.Context, id int) error {
	if _, err := a.db.ExecContext(ctx, "UPDATE accounts SET seen = now() WHERE id = $1", id); err != nil {
		log.Printf("touch %d: %v", id, err)
	}
	return nil
}

func (a *accounts) insert(ctx context.Context, name string) (int, error) {
	var id int
	err := a.db.QueryRowContext(ctx, "INSERT INTO accounts(name) VALUES ($1) RETURNING id", name).Scan(&id)
	return id, err
}

func (a *accounts) remove(ctx context.Context, id int) error {
	_, err := a.db.ExecContext(ctx, "DELETE FROM accounts WHERE id = $1", id)
	return err
}

func (a *accounts) create(ctx context.Context, name string) error {
	a.validate(name)
	a.touch(ctx, 0)
	id, err := a.insert(ctx, name)
	if err != nil {
		return err
	}
	if err := a.grant(ctx, id); err != nil {
		// Best-effort undo after a failure: the error that matters is
		// the one returned.
		a.remove(ctx, id)
		return err
	}
	// An explicit, visible decision.
	_ = a.remove(ctx, -1)
	return nil
}

func (a *accounts) grant(ctx context.Context, id int) error {
	_, err := a.db.ExecContext(ctx, "INSERT INTO grants(account) VALUES ($1)", id)
	return err
}

// Encodings to a response writer or an in-memory buffer, and one whose
// error is checked: nothing of the caller's is lost unseen.
func encodeAll(w io.Writer, v any) ([]byte, error) {
	json.NewEncoder(w).Encode(v)
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(v)
	f, err := os.Create("out.json")
	if err != nil {
		return nil, err
	}
	if err := json.NewEncoder(f).Encode(v); err != nil {
		f.Close()
		return nil, err
	}
	return buf.Bytes(), f.Close()
}
