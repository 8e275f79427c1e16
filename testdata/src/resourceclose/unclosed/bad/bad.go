package bad

import (
	"context"
	"database/sql"
	"io"
	"net"
	"os"
)

// neverClosed: the file is read and never closed.
func neverClosed(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os.Open \(line 13\) is not closed on the path returning at line 17`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// closedOnlyOnSuccess: an early return on a later error skips the close.
func closedOnlyOnSuccess(name string) error {
	f, err := os.Create(name) // want `file f from os.Create .* returning at line 27`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("x"); err != nil {
		return err
	}
	return f.Close()
}

// rowsLeak: rows are iterated but never closed.
func rowsLeak(db *sql.DB) (int, error) {
	rows, err := db.Query("select 1") // want `sql.Rows rows from db.Query`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, nil
}

// connLeak: a dialled connection used and dropped.
func connLeak(addr string) error {
	c, err := net.Dial("tcp", addr) // want `connection c from net.Dial`
	if err != nil {
		return err
	}
	_, err = c.Write([]byte("ping"))
	return err
}

// cancelDiscarded: assigning the cancel func to _ still leaks it.
func cancelDiscarded(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context.WithCancel .* is not called`
	_ = cancel
	return ctx.Err()
}

// helperBorrows: a local helper that only reads does not take ownership.
func helperBorrows(name string) (int, error) {
	f, err := os.Open(name) // want `file f from os.Open`
	if err != nil {
		return 0, err
	}
	return count(f), nil
}

func count(r io.Reader) int {
	b, _ := io.ReadAll(r)
	return len(b)
}

// wrapperLeaks: a function that returns a new file makes its caller the
// owner (facts), and the caller drops it.
func wrapperLeaks() error {
	f, err := openConfig() // want `file f from openConfig`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

func openConfig() (*os.File, error) { return os.Open("/etc/config") }
