package good

import (
	"context"
	"sync"
	"time"
)

// cancelInGoroutineOfDeferredClosure: the cancel func of a grace period is
// called by a goroutine that a deferred closure starts once every worker
// has finished, so the function can return before the grace period ends
// (modelled on caddy modules/caddyhttp/app.go Stop).
func cancelInGoroutineOfDeferredClosure(ctx context.Context, grace time.Duration, stops []func(context.Context)) {
	var finished sync.WaitGroup
	if grace > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, grace)
		defer func() {
			go func() {
				finished.Wait()
				cancel()
			}()
		}()
	}
	for _, stop := range stops {
		finished.Add(1)
		go func() {
			defer finished.Done()
			stop(ctx)
		}()
	}
}
