// Package flat flattens an error's cause with %v; a fact says so, for
// callers in other packages that inspect the error.
package flat

import (
	"fmt"
	"os"
)

// Open opens name and closes it, formatting a failure with %v.
func Open(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %v", name, err)
	}
	return f.Close()
}
