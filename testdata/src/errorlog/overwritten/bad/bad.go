package bad

import (
	"database/sql"
	"encoding/json"
	"os"
	"strconv"
)

type config struct{ DSN string }

func loadConfig(path string) (*config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c config
	return &c, json.Unmarshal(b, &c)
}

// The first error is replaced by the second before anyone checks it: a
// failed load goes on with a nil config.
func open(path string) (*sql.DB, error) {
	cfg, err := loadConfig(path) // want `error from bad.loadConfig \(line 24\) is assigned to err but never checked`
	db, err := sql.Open("postgres", cfg.DSN)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Parsing two numbers: only the second parse's error is tested.
func parsePair(a, b string) (int, int, error) {
	x, err := strconv.Atoi(a) // want `error from strconv.Atoi \(line 34\) is assigned to err but never checked`
	y, err := strconv.Atoi(b)
	if err != nil {
		return 0, 0, err
	}
	return x, y, nil
}

// Every iteration's error is assigned and dropped: the loop reports
// success whatever happened.
func removeAll(dir string, paths []string) error {
	err := os.Chdir(dir)
	if err != nil {
		return err
	}
	for _, p := range paths {
		err = os.Remove(p) // want `error from os.Remove \(line 50\) is assigned to err but never checked`
	}
	return nil
}

// A single-result call whose error is reassigned by the next step.
func commit(tx *sql.Tx, id int) error {
	_, err := tx.Exec("UPDATE jobs SET done = true WHERE id = $1", id)
	if err != nil {
		return err
	}
	err = tx.Commit() // want `error from Tx.Commit \(line 61\) is assigned to err but never checked`
	err = os.Remove("/tmp/job.lock")
	return err
}
