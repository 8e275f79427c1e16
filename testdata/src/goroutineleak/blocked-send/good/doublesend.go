package good

import "errors"

var errFetchGood = errors.New("fetch failed")

// The branch returns after its send: one send on every path.
func fetchIntoOnce(out chan error, fail bool) {
	if fail {
		out <- errFetchGood
		return
	}
	out <- nil
}

func fetchOnceGood(fail bool) error {
	out := make(chan error)
	go fetchIntoOnce(out, fail)
	return <-out
}

// A producer whose optional header precedes the body: its consumer ranges
// over the channel, so both sends are received.
func emitHeader(out chan string, header bool) {
	if header {
		out <- "header"
	}
	out <- "body"
	close(out)
}

func consumeEmitted(header bool) int {
	out := make(chan string)
	go emitHeader(out, header)
	n := 0
	for range out {
		n++
	}
	return n
}

// A buffer for both sends: the second one never blocks.
func fetchBufferedGood(fail bool) error {
	out := make(chan error, 2)
	go fetchIntoOnce(out, fail)
	return <-out
}
