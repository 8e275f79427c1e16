// Package good holds hard negatives for resourceclose/cancel-leak.
package good

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"testing"
	"time"
)

// deferred: the canonical defer cancel().
func deferred(ctx context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return work(ctx)
}

// returnedDirectly: the cancel func goes to the caller.
func returnedDirectly(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, time.Second)
}

// returnedInClosure: returned to the caller inside a cleanup closure that
// calls it.
func returnedInClosure(ctx context.Context, d time.Duration) (context.Context, func()) {
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, func() { cancel() }
}

// job owns a context for its lifetime; Stop cancels it.
type job struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// Stop cancels the job's context.
func (j *job) Stop() { j.cancel() }

// start: the cancel func is stored in the receiver; Stop calls it.
func (j *job) start(parent context.Context) {
	j.ctx, j.cancel = context.WithCancel(parent)
}

// newJob: the cancel func goes out inside the returned struct.
func newJob(parent context.Context) *job {
	ctx, cancel := context.WithCancel(parent)
	return &job{ctx: ctx, cancel: cancel}
}

// stopAfter calls cancel once d has passed or ctx is done.
func stopAfter(ctx context.Context, d time.Duration, cancel context.CancelFunc) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
	cancel()
}

// passedToHelper: handed to a helper (in a goroutine) that calls it.
func passedToHelper(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go stopAfter(ctx, time.Minute, cancel)
	return ctx
}

// passedToSyncHelper: handed to a helper that calls it before returning.
func passedToSyncHelper(parent context.Context, work func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	err := work(ctx)
	stopAfter(ctx, 0, cancel)
	return err
}

// goroutineCalls: a goroutine calls cancel when the signal arrives.
func goroutineCalls(parent context.Context, done <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

// deferredClosure: a CancelCauseFunc called in a deferred closure with the
// function's error as the cause.
func deferredClosure(parent context.Context, work func(context.Context) error) (err error) {
	ctx, cancel := context.WithCancelCause(parent)
	defer func() {
		cancel(err)
	}()
	return work(ctx)
}

// everyBranch: called in every branch of a switch.
func everyBranch(parent context.Context, mode string, work func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	switch mode {
	case "dry":
		cancel()
		return nil
	case "run":
		err := work(ctx)
		cancel()
		return err
	default:
		cancel()
		return errors.New("unknown mode")
	}
}

// everySelectBranch: called in every branch of a select.
func everySelectBranch(parent context.Context, results <-chan int) (int, error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	select {
	case r := <-results:
		cancel()
		return r, nil
	case <-ctx.Done():
		cancel()
		return 0, ctx.Err()
	}
}

// perIteration: each attempt's cancel is called before the next.
func perIteration(ctx context.Context, attempts int, try func(context.Context) error) error {
	var err error
	for i := 0; i < attempts; i++ {
		actx, cancel := context.WithTimeout(ctx, time.Second)
		err = try(actx)
		cancel()
		if err == nil {
			return nil
		}
	}
	return err
}

// sentOnChannel: the cancel func goes to whoever receives it.
func sentOnChannel(parent context.Context, stops chan<- context.CancelFunc) context.Context {
	ctx, cancel := context.WithCancel(parent)
	stops <- cancel
	return ctx
}

// registry keeps cancel funcs to call at shutdown.
type registry struct {
	mu    sync.Mutex
	stops []context.CancelFunc
	byID  map[string]context.CancelFunc
}

// storedInSlice: appended to a list that Shutdown walks.
func (r *registry) storedInSlice(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.mu.Lock()
	r.stops = append(r.stops, cancel)
	r.mu.Unlock()
	return ctx
}

// storedInMap: stored by id.
func (r *registry) storedInMap(parent context.Context, id string) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.byID[id] = cancel
	return ctx
}

// testCleanup: t.Cleanup takes the cancel func and calls it when the test
// ends.
func testCleanup(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// timerCalls: time.AfterFunc keeps the cancel func and calls it later.
func timerCalls(parent context.Context, d time.Duration) context.Context {
	ctx, cancel := context.WithCancel(parent)
	time.AfterFunc(d, cancel)
	return ctx
}

// afterFuncIsNotACancel: context.AfterFunc returns a stop func, which
// unregisters a callback; dropping it leaks nothing.
func afterFuncIsNotACancel(ctx context.Context, f *os.File) {
	stop := context.AfterFunc(ctx, func() { f.Close() })
	_ = stop
}

// notifyContext: signal.NotifyContext's stop func is deferred (and is not
// a context.WithX cancel in the first place).
func notifyContext(work func(context.Context) error) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return work(ctx)
}

// exitAfterCreate: os.Exit ends the process, cancel or not.
func exitAfterCreate(work func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	if err := work(ctx); err != nil {
		os.Exit(1)
	}
	cancel()
}

// withoutCancelValue: context.WithoutCancel and WithValue return no cancel
// func.
func withoutCancelValue(ctx context.Context, key, val any) context.Context {
	return context.WithValue(context.WithoutCancel(ctx), key, val)
}

// deferBeforeUse: defer first, then an early return: covered.
func deferBeforeUse(ctx context.Context, c *http.Client, url string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// reassignedAfterCall: the variable is reused after each cancel is called.
func reassignedAfterCall(ctx context.Context, poll func(context.Context) bool) {
	pctx, cancel := context.WithTimeout(ctx, time.Second)
	ok := poll(pctx)
	cancel()
	if ok {
		return
	}
	pctx, cancel = context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	poll(pctx)
}

// cleanups runs deferred cleanups in reverse order.
type cleanups []func()

// add keeps f for run.
func (c *cleanups) add(f func()) { *c = append(*c, f) }

// storedInCleanupList: appended to a cleanup list owned by the caller.
func storedInCleanupList(ctx context.Context, c *cleanups) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	c.add(cancel)
	return ctx
}

// goroutineDefersCancel: the goroutine that uses the context defers its
// cancel.
func goroutineDefersCancel(parent context.Context, work func(context.Context) error, errc chan<- error) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		defer cancel()
		errc <- work(ctx)
	}()
}

// optionalTimeout: the timeout is applied only when set, and its cancel is
// deferred inside the if (it runs when the function returns).
func optionalTimeout(ctx context.Context, d time.Duration, work func(context.Context) error) error {
	if d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	return work(ctx)
}

// session is a context with its cancel func.
type session struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// cancelOnErrorOnly: the deferred closure cancels only when the function
// fails; on success the cancel func is returned inside the session.
func cancelOnErrorOnly(parent context.Context, dial func(context.Context) error) (s *session, err error) {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	if err := dial(ctx); err != nil {
		return nil, err
	}
	return &session{ctx: ctx, cancel: cancel}, nil
}

// stopWhen calls cancel once stop is closed.
func stopWhen(stop <-chan struct{}, cancel context.CancelFunc) {
	<-stop
	cancel()
}

// goroutineHandsOn: the goroutine does not call cancel itself but hands it
// to a helper that does; a goroutine that never calls the func cannot
// release it, one that passes it on can.
func goroutineHandsOn(parent context.Context, stop <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		stopWhen(stop, cancel)
	}()
	return ctx
}

// goroutineCallsOnOnePath: cancelled on the signal; on the other path the
// parent is done already.
func goroutineCallsOnOnePath(parent context.Context, sig <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		select {
		case <-sig:
			cancel()
		case <-parent.Done():
		}
	}()
	return ctx
}
