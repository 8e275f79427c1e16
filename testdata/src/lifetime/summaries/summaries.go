// Package summaries checks the Summary facts the lifetime engine exports:
// what each function does to a resource passed to it, and which results
// are new resources its caller owns.
package summaries

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"sync"
)

// closeQuietly releases its argument on every path.
func closeQuietly(c io.Closer) { // want closeQuietly:"params releases"
	_ = c.Close()
}

// closeIfOpen releases it on every path where it exists.
func closeIfOpen(c io.Closer) { // want closeIfOpen:"params releases"
	if c != nil {
		c.Close()
	}
}

// closeOnError releases exactly on its error path: callers owe nothing
// where its error is not nil.
func closeOnError(c io.Closer, err error) error { // want closeOnError:"params releases-on-error wraps"
	if err != nil {
		c.Close()
		return err
	}
	return nil
}

// closeUnlessEmpty releases its argument on one path and forgets it on
// the other: a borrow, marked partial (a goroutine running it owns what
// it is handed, and leaks it on the early return).
func closeUnlessEmpty(c io.ReadCloser, n int) { // want closeUnlessEmpty:"^params borrows borrows partial0$"
	if n == 0 {
		return
	}
	c.Close()
}

// readAll only reads: a borrow.
func readAll(r io.Reader) []byte { // want readAll:"params borrows"
	b, _ := io.ReadAll(r)
	return b
}

var keep []io.Closer

// remember stores it: ownership moves. Escapes is the default, so no fact
// is exported.
func remember(c io.Closer) {
	keep = append(keep, c)
}

type wrapper struct{ r io.Reader }

// wrap puts it inside its result.
func wrap(r io.Reader) *wrapper { // want wrap:"params wraps"
	return &wrapper{r: r}
}

// decoder wraps through a callee that wraps (json.NewDecoder).
func decoder(r io.Reader) *json.Decoder { // want decoder:"params wraps"
	return json.NewDecoder(r)
}

// open returns a new file: the caller owns result 0.
func open(name string) (*os.File, error) { // want open:"params borrows result0=file"
	return os.Open(name)
}

// openNamed returns it through named results.
func openNamed(name string) (f *os.File, err error) { // want openNamed:"params borrows result0=file"
	f, err = os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// withTimeout returns a cancel func the caller must call.
func withTimeout(ctx context.Context) (context.Context, context.CancelFunc) { // want withTimeout:"params escapes result1=cancel func"
	return context.WithCancel(ctx)
}

// finish commits or rolls back: either releases the transaction.
func finish(tx *sql.Tx, err error) error { // want finish:"params releases wraps"
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// callCancel calls a cancel func on every path.
func callCancel(cancel context.CancelFunc) { // want callCancel:"params releases"
	cancel()
}

// callback calls a func value on every path: a release of a cancel func
// passed there; a caller passing a closure gets what the closure does.
func callback(f func()) { // want callback:"params releases"
	f()
}

var mu sync.Mutex

// viaClosure releases inside a closure it calls.
func viaClosure(c io.Closer) { // want viaClosure:"params releases"
	func() {
		mu.Lock()
		defer mu.Unlock()
		c.Close()
	}()
}

// closeUnlessOK releases the body exactly when it returns an error, like
// consul/api's requireOK: callers owe nothing where the error is not nil.
func closeUnlessOK(c io.Closer, ok bool) error { // want closeUnlessOK:"params releases-on-error borrows"
	if !ok {
		c.Close()
		return io.ErrUnexpectedEOF
	}
	return nil
}

// requireOK forwards closeUnlessOK's contract by returning its error.
func requireOK(c io.Closer) error { // want requireOK:"params releases-on-error"
	return closeUnlessOK(c, false)
}

// closeOnFailureDeferred: a deferred closure closes the file when the
// named error is set, so it releases it exactly where it fails.
func closeOnFailureDeferred(f *os.File) (err error) { // want closeOnFailureDeferred:"^params releases-on-error$"
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	return f.Sync()
}

// closeUnlessKept: a deferred closure closes the file unless told to keep
// it: with keep set it is only used.
func closeUnlessKept(f *os.File, keep bool) error { // want closeUnlessKept:"^params borrows borrows partial0$"
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	return f.Sync()
}

// ownFileUnlessKept: the ownership flag, on a parameter: closed unless it
// was stored.
func (h *holder) ownFileUnlessKept(f *os.File) error { // want ownFileUnlessKept:"^params borrows releases$"
	kept := false
	defer func() {
		if !kept {
			f.Close()
		}
	}()
	if err := f.Sync(); err != nil {
		return err
	}
	h.f = f
	kept = true
	return nil
}

type holder struct{ f *os.File }
