package bad

import (
	"context"
	"errors"
)

// deferredConditionalCancel: the deferred closure cancels only on error;
// on success the cancel func is neither called nor returned. At the
// return, err is what work returned: either way.
func deferredConditionalCancel(parent context.Context, work func(context.Context) error) (err error) {
	ctx, cancel := context.WithCancel(parent) // want `cancel func cancel from context\.WithCancel \(line 12\) is not called on the path returning at line 18; the deferred func at line 13 releases it on other paths only`
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	return work(ctx) // leaks here
}

// cancelledOnErrorStartedOnSuccess: the success path starts the work and
// returns nil, with the cancel func kept nowhere.
func cancelledOnErrorStartedOnSuccess(parent context.Context, start func(context.Context) error) (err error) {
	ctx, cancel := context.WithCancel(parent) // want `cancel func cancel from context\.WithCancel .* returning at line 34; the deferred func at line 25`
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	if ctx.Err() != nil {
		return errors.New("parent done")
	}
	err = start(ctx)
	return nil // leaks here
}
