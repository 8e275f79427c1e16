// Package fix holds resourceclose/tx-unfinished cases with a suggested fix
// (defer tx.Rollback() after the error check; after a successful Commit it
// is a no-op, so the fix is offered even where the transaction is
// committed); fix.go.golden is the file with every fix applied.
package fix

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// commitOnOneBranch: committed on one branch only.
func commitOnOneBranch(db *sql.DB, ids []int) error {
	tx, err := db.Begin() // want `sql\.Tx tx from db\.Begin`
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		if _, err := tx.Exec("delete from jobs where id = ?", id); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// marshalAfterBegin: a non-database step fails after Begin; the defer
// covers its return, and Commit stays.
func marshalAfterBegin(ctx context.Context, db *sql.DB, id int, v any) error {
	tx, err := db.BeginTx(ctx, nil) // want `sql\.Tx tx from db\.BeginTx`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	payload, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "update jobs set payload = ? where id = ?", payload, id); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// validationAfterBegin: an input check placed after Begin.
func validationAfterBegin(db *sql.DB, name string) error {
	txn, err := db.Begin() // want `sql\.Tx txn from db\.Begin`
	if err != nil {
		return err
	}
	if name == "" {
		return errors.New("empty name")
	}
	if _, err := txn.Exec("insert into users(name) values (?)", name); err != nil {
		txn.Rollback()
		return err
	}
	return txn.Commit()
}
