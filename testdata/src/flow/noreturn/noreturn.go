// Package noreturn holds the calls flow.NoReturn knows never return,
// and the ones it must not take for such.
package noreturn

import (
	"errors"
	"log"
	"os"
	"runtime"
	"testing"
)

// exitHelper exits on every path: ctrlflow makes it a no-return function
// of this package, and the builder marks its calls.
func exitHelper(msg string) {
	log.Fatal(msg) // want `noreturn exits-process`
}

// maybeExit exits on one path only: its calls return.
func maybeExit(fail bool) {
	if fail {
		os.Exit(2) // want `noreturn exits-process`
	}
}

// Stops covers every kind of the table, direct and by interface.
func Stops(t *testing.T, tb testing.TB, l *log.Logger, n int) {
	switch n {
	case 0:
		os.Exit(1) // want `noreturn exits-process`
	case 1:
		log.Fatalf("%d", n) // want `noreturn exits-process`
	case 2:
		l.Fatalln(n) // want `noreturn exits-process`
	case 3:
		log.Panic(n) // want `noreturn panics`
	case 4:
		runtime.Goexit() // want `noreturn ends-goroutine`
	case 5:
		t.Fatal(n) // want `noreturn ends-goroutine`
	case 6:
		tb.Skip() // want `noreturn ends-goroutine`
	case 7:
		exitHelper("x") // want `noreturn returns`
	}
}

// Returning holds calls that return: a failure that lets the test go on,
// a possible exit, an error built, a log line.
func Returning(t *testing.T, tb testing.TB, fail bool) error {
	t.Error("x")
	tb.Log("x")
	maybeExit(fail)
	log.Print("x")
	return errors.New("x")
}
