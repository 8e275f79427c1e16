package fix

import (
	"context"
	"errors"
	"time"
)

func call(ctx context.Context) error { return ctx.Err() }

// neverCalled: the fix defers the cancel right after the context is made.
func neverCalled(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context.WithTimeout .* add defer cancel\(\)`
	_ = cancel
	return call(ctx)
}

// causeNeverCalled: a CancelCauseFunc takes the cause.
func causeNeverCalled(ctx context.Context) error {
	ctx, cancel := context.WithCancelCause(ctx) // want `add defer cancel\(nil\)`
	if ctx == nil {
		return errors.New("no context")
	}
	_ = cancel
	return call(ctx)
}
