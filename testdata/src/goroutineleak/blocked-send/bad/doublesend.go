package bad

import "errors"

var errFetch = errors.New("fetch failed")

// The error branch sends and falls through to the result send: on that
// path the goroutine sends twice while its caller takes one value. The
// "double send" pattern of Uber's goroutine-leak study (Saioc et al.,
// "Unveiling and Vanquishing Goroutine Leaks in Enterprise Microservices",
// CGO 2024).
func fetchInto(out chan error, fail bool) {
	if fail {
		out <- errFetch // want `this send on out falls through to the send at line 16`
	}
	out <- nil
}

func fetchOnce(fail bool) error {
	out := make(chan error)
	go fetchInto(out, fail) // want `goroutine sends on out \(made at line 20\)`
	return <-out
}
