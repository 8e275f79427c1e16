package good

import (
	"fmt"
	"os"
)

type options struct {
	measure func(name string)
}

func runWith(opts options) error { return nil }

// A debug file captured by a hook that is kept in the options handed on:
// the hook owns the file from there (staticcheck's lintcmd measures
// analyzers this way).
func runMeasured(path string) int {
	var measure func(name string)
	if path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			return 2
		}
		measure = func(name string) { fmt.Fprintln(f, name) }
	}
	if err := runWith(options{measure: measure}); err != nil {
		return 1
	}
	return 0
}
