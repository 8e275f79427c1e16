// Command cmdmain is a negative for resourceclose/unclosed: returning from
// main ends the process, which releases every descriptor.
package main

import (
	"fmt"
	"io"
	"os"
)

// main opens its input and never closes it; nothing leaks past the exit.
func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	os.Stdout.Write(data)
}
