package good

import (
	"context"
	"database/sql"
	"io"
	"log"
	"os"
)

// deferred: the canonical defer after the error check.
func deferred(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// returned: ownership moves to the caller.
func returned(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

type holder struct{ f *os.File }

// stored: ownership moves into a struct that outlives the call.
func (h *holder) stored(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	h.f = f
	return nil
}

// deferredClosure: closed in a deferred closure that checks the error.
func deferredClosure(name string) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.WriteString("x")
	return err
}

// helperCloses: a helper that closes its argument takes the release.
func helperCloses(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer closeQuietly(f)
	return nil
}

func closeQuietly(c io.Closer) { _ = c.Close() }

// everyBranch: closed in every branch of a switch.
func everyBranch(name string, mode int) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	switch mode {
	case 0:
		return f.Close()
	case 1:
		f.Close()
		return nil
	default:
		return f.Close()
	}
}

// goroutineCloses: handed to a goroutine that closes it.
func goroutineCloses(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	go func() {
		defer f.Close()
		_, _ = io.ReadAll(f)
	}()
	return nil
}

// exitAfterOpen: nothing is owed after a call that never returns.
func exitAfterOpen(name string) {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := f.Stat(); err != nil {
		log.Fatalf("stat: %v", err)
	}
	f.Close()
}

// nilChecked: on the path where the file is nil nothing is owed.
func nilChecked(name string) {
	f, _ := os.Open(name)
	if f == nil {
		return
	}
	f.Close()
}

// txDone: a committed-or-rolled-back transaction is not a file leak.
func rowsClosed(db *sql.DB) error {
	rows, err := db.Query("select 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// cancelDeferred: the cancel func is deferred.
func cancelDeferred(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return ctx.Err()
}

// cancelReturned: the cancel func is returned to the caller.
func cancelReturned(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(ctx)
}
