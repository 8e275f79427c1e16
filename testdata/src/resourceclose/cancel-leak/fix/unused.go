package fix

import (
	"context"
	"time"
)

// cancelBlankAssigned: "_ = cancel"; the fix defers the call right after
// the assignment (context.WithTimeout returns no error).
func cancelBlankAssigned(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second) // want `cancel func cancel from context\.WithTimeout`
	_ = cancel
	return work(ctx)
}

// cancelNeverCalled: the cancel func is only compared with nil.
func cancelNeverCalled(parent context.Context, work func(context.Context) error) error {
	ctx, stop := context.WithCancel(parent) // want `cancel func stop from context\.WithCancel`
	if stop == nil {
		return nil
	}
	return work(ctx)
}
