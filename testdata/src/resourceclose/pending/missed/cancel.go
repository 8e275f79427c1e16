package missed

import "context"

// goroutineNeverCalls: handed to a goroutine that waits and never calls it
// (ANCHOR-GAPS: vet lostcancel passes a cancel "handed to a goroutine that
// never calls it").
//
// Engine: the closure's effect on cancel is Borrows (it never calls it),
// and summary.go Effect.asUse turns a borrow by a spawned goroutine into
// an escape ("it may outlive us"). For a CallReleases kind a goroutine
// that never calls the func cannot release it: the obligation should stay.
func goroutineNeverCalls(ctx context.Context, done chan<- struct{}) context.Context {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel`
	go func() {
		<-ctx.Done()
		_ = cancel
		close(done)
	}()
	return ctx
}
