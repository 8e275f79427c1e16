// Package good holds defers SA5003 must not report.
package good

import "os"

// handleForever gives each iteration its own function, so each deferred
// Close runs at the end of its iteration.
func handleForever(next func() string) {
	for {
		handle(next())
	}
}

// handle opens and closes one file.
func handle(name string) {
	f, err := os.Open(name)
	if err != nil {
		return
	}
	defer f.Close()
}

// untilEmpty can leave the loop, so its deferred Close runs when it
// returns.
func untilEmpty(next func() string) error {
	for {
		name := next()
		if name == "" {
			return nil
		}
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
	}
}
