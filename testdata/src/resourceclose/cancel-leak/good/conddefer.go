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

type rpcError struct{ msg string }

func (e *rpcError) Error() string { return e.msg }

// newRPCError makes nothing of code 0 (OK): the analysis cannot prove the
// error it makes is not nil.
func newRPCError(code int, msg string) error {
	if code == 0 {
		return nil
	}
	return &rpcError{msg}
}

// translateErr maps errors to RPC errors; nil stays nil, but it is no
// exact translator either (newRPCError may be nil).
func translateErr(err error) error {
	switch err {
	case nil:
		return nil
	case context.Canceled:
		return newRPCError(1, "canceled")
	}
	return newRPCError(2, err.Error())
}

// cancelOnErrorStream: grpc's newClientStream shape. The failing returns
// hand back nil beside an error the analysis cannot decide, a translation
// of a failure or a constructed one: by the (v, err) convention they are
// failures, and the deferred closure cancels there.
func cancelOnErrorStream(ctx context.Context, opts []func() error) (_ *session, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	for _, o := range opts {
		if err := o(); err != nil {
			return nil, translateErr(err)
		}
	}
	if len(opts) == 0 {
		return nil, newRPCError(3, "no options")
	}
	return &session{ctx: ctx, cancel: cancel}, nil
}
