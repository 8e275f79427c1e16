// Package bad holds channel operations on channels that are never made.
package bad

func compute() int { return 1 }

// Declared, never made: the send and the receive both block forever.
func neverMade() int {
	var results chan int
	go func() { results <- compute() }() // want `send on a nil channel blocks forever`
	return <-results                     // want `receive from a nil channel blocks forever`
}

// A send on a nil channel in the function itself.
func sendNil() {
	var done chan struct{}
	done <- struct{}{} // want `send on a nil channel blocks forever`
}

// Ranging over a nil channel never ends and never yields.
func rangeNil() int {
	var ch chan int
	n := 0
	for v := range ch { // want `receive from a nil channel`
		n += v
	}
	return n
}
