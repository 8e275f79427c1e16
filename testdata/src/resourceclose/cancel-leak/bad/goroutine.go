package bad

import "context"

// goroutineNeverCalls: handed to a goroutine that waits and never calls it
// (ANCHOR-GAPS: vet lostcancel passes a cancel "handed to a goroutine that
// never calls it").
func goroutineNeverCalls(ctx context.Context, done chan<- struct{}) context.Context {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel`
	go func() {
		<-ctx.Done()
		_ = cancel
		close(done)
	}()
	return ctx
}
