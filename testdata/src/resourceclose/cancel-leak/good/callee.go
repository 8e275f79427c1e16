package good

import (
	"context"
	"time"
)

// runCleanup calls f; its parameter is a plain func().
func runCleanup(f func()) { f() }

// calledAsPlainFunc: handed to a helper whose parameter is a func(), which
// calls it.
func calledAsPlainFunc(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer runCleanup(cancel)
	return work(ctx)
}
