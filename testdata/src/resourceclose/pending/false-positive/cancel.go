package falsepositive

import (
	"context"
	"time"
)

// runCleanup calls f; its parameter is a plain func().
func runCleanup(f func()) { f() }

// calledAsPlainFunc: handed to a helper whose parameter is a func(), which
// calls it.
//
// Engine: runCleanup's summary says it borrows f. Summaries are computed
// with kind nil, and track.go callReleases then counts a call of the
// parameter as a release only when its type is context.CancelFunc or
// CancelCauseFunc; calling a plain func() is taken for a callback. The
// summary could record "calls param i" and let the caller decide, knowing
// the argument is a cancel func.
func calledAsPlainFunc(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // now `cancel func cancel from context\.WithTimeout .* returning at line 23`
	defer runCleanup(cancel)
	return work(ctx)
}
