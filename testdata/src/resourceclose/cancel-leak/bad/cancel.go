// Package bad holds positive cases for resourceclose/cancel-leak. Where a
// message names the exit ("returning at line N"), that line is marked with
// a "leaks here" comment.
package bad

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// blankAssigned: "_ = cancel" silences go vet's lostcancel ("any reference
// counts as a use", ANCHOR-GAPS) but never calls it.
func blankAssigned(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel \(line 16\) is not called on the path returning at line 18; add defer cancel\(\)`
	_ = cancel
	return ctx.Err() // leaks here
}

// causeBlankAssigned: the WithCancelCause form from ANCHOR-GAPS
// ("ctx, cancel := context.WithCancelCause(parent); _ = cancel").
func causeBlankAssigned(parent context.Context) error {
	ctx, cancel := context.WithCancelCause(parent) // want `cancel func cancel from context\.WithCancelCause`
	_ = cancel
	<-ctx.Done()
	return context.Cause(ctx)
}

// discardedTimeout: the cancel func is dropped at the call.
func discardedTimeout(ctx context.Context, url string) (*http.Request, error) {
	ctx, _ = context.WithTimeout(ctx, 5*time.Second) // want `the cancel func returned by context\.WithTimeout is discarded`
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// discardedDefine: the same with :=.
func discardedDefine(parent context.Context, url string) (*http.Request, error) {
	ctx, _ := context.WithDeadline(parent, time.Now().Add(time.Minute)) // want `the cancel func returned by context\.WithDeadline is discarded`
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// discardedCause: WithTimeoutCause with the cancel dropped.
func discardedCause(parent context.Context) context.Context {
	ctx, _ := context.WithTimeoutCause(parent, time.Second, errors.New("slow backend")) // want `the cancel func returned by context\.WithTimeoutCause is discarded`
	return ctx
}

// earlyReturnBeforeDefer: a check between WithTimeout and defer cancel()
// returns first.
func earlyReturnBeforeDefer(ctx context.Context, c *http.Client, url string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context\.WithTimeout .* returning at line 54`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err // leaks here
	}
	defer cancel()
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// calledOnlyOnSuccess: cancel called at the end, skipped by the error
// return.
func calledOnlyOnSuccess(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute) // want `cancel func cancel from context\.WithTimeout .* returning at line 69`
	if err := work(ctx); err != nil {
		return err // leaks here
	}
	cancel()
	return nil
}

// storedInLocalOnly: the cancel func is copied into a local and never
// called.
func storedInLocalOnly(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel`
	stop := cancel
	_ = stop
	return ctx
}

// neverUsed: the cancel func is bound to a name and never used except in
// a comparison (a reference, not a call).
func neverUsed(ctx context.Context) (context.Context, bool) {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context\.WithTimeout`
	return ctx, cancel != nil
}

// deferredInOneBranch: defer cancel() only when verbose.
func deferredInOneBranch(ctx context.Context, verbose bool, work func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel .* returning at line 98`
	if verbose {
		defer cancel()
		return work(ctx)
	}
	return work(ctx) // leaks here
}

// switchBranchLeak: one case returns without calling cancel.
func switchBranchLeak(ctx context.Context, mode string, work func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel .* returning at line 106`
	switch mode {
	case "dry":
		return nil // leaks here
	case "run":
		defer cancel()
		return work(ctx)
	}
	cancel()
	return errors.New("unknown mode")
}

// selectBranchLeak: the result branch returns without calling cancel.
func selectBranchLeak(ctx context.Context, results <-chan int) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context\.WithTimeout .* returning at line 120`
	select {
	case r := <-results:
		return r, nil // leaks here
	case <-ctx.Done():
		cancel()
		return 0, ctx.Err()
	}
}

// perIterationLeak: a timeout per attempt, never cancelled before the next
// one is created.
func perIterationLeak(ctx context.Context, attempts int, try func(context.Context) error) {
	for i := 0; i < attempts; i++ {
		actx, cancel := context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context\.WithTimeout .* returning at line 137`
		if try(actx) == nil {
			cancel()
			return
		}
	}
} // leaks here

// loopOverwrite: a poll loop that creates a context per round and only
// ever cancels the last one.
func loopOverwrite(ctx context.Context, poll func(context.Context) bool) {
	var cancel context.CancelFunc
	for {
		var pctx context.Context
		pctx, cancel = context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context\.WithTimeout .* is not released before the next iteration acquires another`
		if poll(pctx) {
			break
		}
	}
	cancel()
}

// closureLeak: a function literal builds a context and forgets its cancel
// on the error path.
func closureLeak(ctx context.Context, urls []string, c *http.Client) error {
	fetch := func(url string) error {
		rctx, cancel := context.WithTimeout(ctx, time.Second) // want `cancel func cancel from context\.WithTimeout`
		req, err := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		defer cancel()
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	for _, u := range urls {
		if err := fetch(u); err != nil {
			return err
		}
	}
	return nil
}

// logCancel records that a cancel func exists and never calls it.
func logCancel(name string, cancel context.CancelFunc) {
	if cancel == nil {
		println(name, "has no cancel func")
	}
}

// helperIgnores: handed to a helper that only looks at it; the helper's
// summary says it borrows, so the caller still owes the call.
func helperIgnores(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel`
	logCancel("fetch", cancel)
	return ctx
}

// overwrittenCancel: a second WithTimeout reuses the variable; the first
// cancel func is lost.
func overwrittenCancel(parent context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want `cancel func cancel from context\.WithTimeout`
	ctx, cancel = context.WithTimeout(ctx, time.Second)
	defer cancel()
	return work(ctx)
}
