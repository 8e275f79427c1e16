package bad

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"

	"errorlog/facts/flat"
)

// %v flattens the cause.
func open(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %v", name, err) // want `fmt.Errorf formats the error err with %v`
	}
	return f.Close()
}

// %s flattens it too.
func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("parse %q: %s", s, err) // want `formats the error err with %s`
	}
	return n, nil
}

// A concrete error type formatted with %v.
func pathErr(name string) error {
	_, err := os.Stat(name)
	if pe, ok := err.(*os.PathError); ok {
		return fmt.Errorf("stat: %v", pe) // want `formats the error pe with %v`
	}
	return nil
}

// The error is the only operand.
func only() error {
	if err := os.Remove("x"); err != nil {
		return fmt.Errorf("%v", err) // want `formats the error err with %v`
	}
	return nil
}

// A width-free verb after other operands.
func many(a, b int) error {
	if err := os.Remove("x"); err != nil {
		return fmt.Errorf("%d of %d: %v", a, b, err) // want `formats the error err with %v`
	}
	return nil
}

// A call returning error formatted directly.
func direct() error {
	return fmt.Errorf("cleanup: %v", os.Remove("x")) // want `formats the error os.Remove\("x"\) with %v`
}

// A raw string format.
func raw(name string) error {
	if err := os.Remove(name); err != nil {
		return fmt.Errorf(`remove "%s": %v`, name, err) // want `formats the error err with %v`
	}
	return nil
}

// Assigned to a variable and inspected in the same function.
func assigned(name string) bool {
	if err := os.Remove(name); err != nil {
		wrapped := fmt.Errorf("remove: %v", err) // want `formats the error err with %v`
		return errors.Is(wrapped, fs.ErrPermission)
	}
	return false
}

// Callers inspect each error above for its cause, which %v hid, with
// errors.Is or errors.As.
func missing(name string) bool {
	return errors.Is(open(name), fs.ErrNotExist)
}

func numErr(s string) bool {
	var ne *strconv.NumError
	_, err := parse(s)
	return errors.As(err, &ne)
}

func notExist(name string) bool {
	return errors.Is(pathErr(name), fs.ErrNotExist)
}

func kind() bool {
	var pe *os.PathError
	return errors.As(only(), &pe)
}

// The flattened error travels through a function that wraps it with %w
// before it is inspected.
func countFiles(a, b int) error {
	if err := many(a, b); err != nil {
		return fmt.Errorf("count: %w", err)
	}
	return nil
}

func retry(a, b int) bool {
	return errors.Is(countFiles(a, b), fs.ErrNotExist) || errors.Is(direct(), fs.ErrNotExist) || errors.Is(raw("x"), fs.ErrNotExist)
}

// The flattening function is in another package: reported at the
// inspection, which is all this package can change.
func remote(name string) bool {
	return errors.Is(flat.Open(name), fs.ErrNotExist) // want `errors.Is inspects the error from flat.Open, but on some path its cause was flattened to text by fmt.Errorf with %v \(flat.go:\d+\)`
}
