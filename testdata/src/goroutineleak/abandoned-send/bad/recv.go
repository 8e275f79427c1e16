package bad

import "context"

// fetcher hands results from a worker goroutine to its caller.
type fetcher struct {
	results chan int
	quit    chan struct{}
}

func newFetcher() *fetcher {
	return &fetcher{results: make(chan int), quit: make(chan struct{})}
}

// The worker gives up on ctx.Done() and never sends; the caller waits with
// a plain receive, so once ctx is cancelled it waits forever.
// Modelled on cockroachdb/cockroach#10790 (the drainer waited on channels
// whose senders had left on ctx.Done()).
func (f *fetcher) fetch(ctx context.Context) int {
	go f.work(ctx)
	return <-f.results // want `goroutine receives from fetcher.results with no way to give up, but every sender stops sending for good when its done case fires \(line \d+\)`
}

func (f *fetcher) work(ctx context.Context) {
	select {
	case f.results <- 42:
	case <-ctx.Done():
		return
	}
}

// The same with a stop channel the package closes, the receiver started
// after close by a later call: the package itself gives up on quit
// elsewhere (shutdown selects on it).
func (f *fetcher) produce() {
	for i := 0; ; i++ {
		select {
		case f.results <- i:
		case <-f.quit:
			return
		}
	}
}

func (f *fetcher) shutdown() { close(f.quit) }

// A channel made for one result: the worker leaves on ctx.Done(), the
// caller waits on a plain receive.
func compute(ctx context.Context) int {
	ch := make(chan int)
	go func() {
		select {
		case ch <- 1:
		case <-ctx.Done():
		}
	}()
	return <-ch // want `goroutine receives from the channel with no way to give up`
}

// The same in an exported function: its channel is its own, whoever calls.
func Compute(ctx context.Context) int {
	ch := make(chan int)
	go func() {
		v := 0
		for i := 0; i < 10; i++ {
			v += i
		}
		select {
		case ch <- v:
		case <-ctx.Done():
			return
		}
	}()
	return <-ch // want `goroutine receives from the channel with no way to give up`
}

// Channels kept in a slice field: the drainer waits on each element with a
// plain receive, the senders leave on ctx.Done(). Modelled on
// cockroachdb/cockroach#10790 (beginCmds' drainer after ctx was done).
type replica struct{ chans []chan bool }

func newReplica() *replica {
	r := &replica{}
	r.chans = append(r.chans, make(chan bool), make(chan bool))
	return r
}

func (r *replica) send(ctx context.Context) {
	for _, ch := range r.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			return
		}
	}
}

func (r *replica) drain() {
	for _, ch := range r.chans {
		<-ch // want `goroutine receives from replica.chans\[\] with no way to give up`
	}
}
