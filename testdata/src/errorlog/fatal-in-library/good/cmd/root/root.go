// Package root is a command's code outside package main (the cobra layout:
// cmd/root.go in package cmd), below a cmd/ directory: it is part of a
// program, not a library, and ending the program is its decision.
package root

import (
	"fmt"
	"os"
)

func run() error { return nil }

// Execute is what main calls.
func Execute() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
