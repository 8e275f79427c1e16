package good

import "context"

// backgroundCancelDropped: WithCancel of context.Background() starts no
// timer and registers with no parent; dropping its cancel leaks nothing
// (found on the bench corpus: etcd's resolver, grpc's dns resolver).
func backgroundCancelDropped() error {
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel
	return ctx.Err()
}

type stream struct {
	cancel context.CancelFunc
}

// fail releases the stream's resources.
func (s *stream) fail(err error) error {
	s.cancel()
	return err
}

// cancelInLocalStructReleasedByMethod: the cancel func lives in a local
// struct whose method calls it on the error path (grpc's ext_proc client
// stream; found on the bench corpus).
func cancelInLocalStructReleasedByMethod(ctx context.Context, fail bool) (*stream, error) {
	ctx, cancel := context.WithCancel(ctx)
	s := &stream{cancel: cancel}
	if fail {
		return nil, s.fail(ctx.Err())
	}
	return s, nil
}
