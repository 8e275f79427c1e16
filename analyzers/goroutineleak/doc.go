// Package goroutineleak defines an Analyzer that reports goroutines that can block forever or never exit.
//
// # Analyzer goroutineleak
//
// goroutineleak: reports goroutines that can block forever or never exit
//
// A goroutine that sends on a channel whose receiver has given up, receives
// from a channel nobody closes, or loops with no way out is a leak no heap
// profile explains. The analysis models the channels a goroutine shares with
// the function that starts it (made there, captured or passed as arguments,
// followed into other packages through summaries of channel parameters),
// counts sends against receives and closes on every path of the spawner,
// and reports a goroutine left blocked (blocked-send, blocked-receive,
// abandoned-send), an operation on a channel that nothing in the package
// pairs (no-partner), a WaitGroup never brought to zero
// (waitgroup-done-missing) or waited for inside the loop that adds to it
// (waitgroup-wait-in-loop), a block while holding a lock the partner needs
// (wait-holding-lock), a sync.Cond waited on without its lock
// (cond-wait-unlocked) or with a condition that never changes
// (cond-loop-invariant), an operation on a channel that is never made
// (nil-channel), a time.After re-armed in a loop before Go 1.23
// (time-after-loop), a timer drained after its value was already received
// (timer-drain), and an object's goroutine with no way to stop it
// (no-exit) or whose Stop is never called (stop-not-called).
package goroutineleak
