package bad

import "context"

// stopper holds a cancel func it never calls.
type stopper struct{ cancel context.CancelFunc }

// storedInLocalStruct: stored in a struct local to the function, which is
// dropped.
func storedInLocalStruct(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx) // want `cancel func cancel from context\.WithCancel`
	s := stopper{cancel: cancel}
	_ = s
	return ctx
}
