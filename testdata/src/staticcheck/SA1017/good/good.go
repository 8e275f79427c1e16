// Package good holds signal.Notify calls SA1017 must not report.
package good

import (
	"os"
	"os/signal"
)

// bufferedOne waits for one signal; a buffer of one keeps it even if it
// arrives before the receive.
func bufferedOne() os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	return <-c
}

// passedIn registers a channel its caller made; its buffer is the
// caller's business.
func passedIn(c chan os.Signal) {
	signal.Notify(c, os.Interrupt)
}
