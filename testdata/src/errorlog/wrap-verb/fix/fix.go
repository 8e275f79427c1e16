package fix

import (
	"errors"
	"fmt"
	"io/fs"
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

// The operand may be nil here: %w would print "%!w(<nil>)", so the
// finding comes without a fix.
func maybe() error {
	return fmt.Errorf("cleanup: %v", os.Remove("x")) // want `formats the error os.Remove\("x"\) with %v`
}

// A caller inspects each error above for its cause.
func inspect() bool {
	return errors.Is(open("x"), fs.ErrNotExist) || errors.Is(remove("x"), fs.ErrPermission) || errors.Is(maybe(), fs.ErrNotExist)
}
