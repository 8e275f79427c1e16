// Package bad holds signal.Notify calls SA1017 reports.
package bad

import (
	"os"
	"os/signal"
)

// unbuffered hands signal.Notify a channel with no buffer: a signal that
// arrives while nobody is receiving is dropped.
func unbuffered() os.Signal {
	c := make(chan os.Signal)
	signal.Notify(c, os.Interrupt) // want `the channel used with signal.Notify should be buffered`
	return <-c
}
