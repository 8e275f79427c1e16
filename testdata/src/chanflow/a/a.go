// Package a holds functions whose channel-parameter summaries are checked
// as facts.
package a

import "context"

// One unconditional send.
func Produce(out chan<- int) { // want Produce:`chanparams\( 0:\{Known:true MaxSends:1 Guarded:false Receives:false`
	out <- 1
}

// One send on each path: still one per path.
func OneOfTwo(ok bool, out chan int) { // want OneOfTwo:`1:\{Known:true MaxSends:1 `
	if ok {
		out <- 1
		return
	}
	out <- 2
}

// Sends in a loop, closed on every path by a defer.
func All(out chan<- int, xs []int) { // want All:`0:\{Known:true MaxSends:1048576 .*Closes:true MayReturnOpen:false`
	defer close(out)
	for _, x := range xs {
		out <- x
	}
}

// Closed on one path only.
func Forgets(out chan<- int, xs []int) { // want Forgets:`Closes:true MayReturnOpen:true`
	for _, x := range xs {
		if x < 0 {
			return
		}
		out <- x
	}
	close(out)
}

// A send that can give up.
func Guarded(ctx context.Context, out chan<- int) { // want Guarded:`1:\{Known:true MaxSends:0 Guarded:true`
	select {
	case out <- 1:
	case <-ctx.Done():
	}
}

// A range: a receive in a loop.
func Drain(in <-chan int) { // want Drain:`0:\{Known:true MaxSends:0 Guarded:false Receives:true RecvLoop:true GuardedRecv:false`
	for range in {
	}
}

var sink chan<- int

// The channel escapes to a global.
func Keep(out chan<- int) { // want Keep:`Escapes:true`
	sink = out
}

// Through a helper: the callee's summary is used.
func ViaHelper(out chan<- int) { // want ViaHelper:`0:\{Known:true MaxSends:1 `
	Produce(out)
}

// Receives once on every path.
func Get(in <-chan int) int { // want Get:`RecvMax:1 RecvAll:true`
	return <-in
}

// A select that can give up: not every path receives.
func Wait(ctx context.Context, in <-chan int) int { // want Wait:`RecvMax:1 RecvAll:false`
	select {
	case v := <-in:
		return v
	case <-ctx.Done():
		return 0
	}
}
