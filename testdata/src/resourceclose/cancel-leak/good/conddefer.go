package good

import (
	"context"
	"errors"
)

// cancelOnErrorReturnedOnSuccess: the deferred closure cancels when the
// function fails, and the success return hands the cancel func out.
func cancelOnErrorReturnedOnSuccess(parent context.Context, dial func(context.Context) error) (_ context.Context, _ context.CancelFunc, err error) {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	if err = dial(ctx); err != nil {
		return nil, nil, err
	}
	if ctx.Err() != nil {
		return nil, nil, errors.New("cancelled while dialing")
	}
	return ctx, cancel, nil
}

// cancelUnlessStarted: the flag says a goroutine took the cancel func.
func cancelUnlessStarted(parent context.Context, ready func() bool, run func(context.Context, context.CancelFunc)) error {
	ctx, cancel := context.WithCancel(parent)
	started := false
	defer func() {
		if !started {
			cancel()
		}
	}()
	if !ready() {
		return errors.New("not ready")
	}
	go run(ctx, cancel)
	started = true
	return nil
}
