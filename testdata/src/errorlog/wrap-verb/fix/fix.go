package fix

import (
	"fmt"
	"os"
)

// The fix turns the error's %v into %w.
func open(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %v", name, err) // want `formats the error err with %v`
	}
	return f.Close()
}

// The fix turns the error's %s into %w in a raw string.
func remove(name string) error {
	if err := os.Remove(name); err != nil {
		return fmt.Errorf(`remove "%s": %s`, name, err) // want `formats the error err with %s`
	}
	return nil
}
