package good

import (
	"context"
	"errors"
	"time"
)

type host struct{ addr string }

func dialOne(ctx context.Context, h host) error { return ctx.Err() }

// timeoutCarriedToNextIteration: a timeout context is made only when the
// host changes, and the following iterations for the same host go on
// using it; it cannot be cancelled at the end of the iteration that made
// it, so the deferred cancel is where it belongs (modelled on pgx's
// pgconn.go connectPreferred).
func timeoutCarriedToNextIteration(parent context.Context, hosts []host, d time.Duration) error {
	ctx := parent
	var errs []error
	for i, h := range hosts {
		if i == 0 || hosts[i].addr != hosts[i-1].addr {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(parent, d)
			defer cancel()
		}
		err := dialOne(ctx, h)
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
