package bad

import (
	"encoding/json"
	"io"
	"os"
	"strconv"
)

type Config struct{ Name string }

// A file that cannot be opened is reported as success.
func load(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // want `the error from os.Open \(line 14\) is non-nil here but the function returns a nil error`
	}
	return f.Close()
}

// A decode failure returns a nil config and a nil error.
func parse(b []byte) (*Config, error) {
	var c Config
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, nil // want `error from json.Unmarshal`
	}
	return &c, nil
}

// A zero value and no error: the caller cannot tell a parse failure from 0.
func port(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, nil // want `error from strconv.Atoi`
	}
	return n, nil
}

// The else of an err == nil test is the failure branch.
func size(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		return int64(len(b)), nil
	} else {
		return 0, nil // want `error from os.ReadFile`
	}
}

// An error from an interface method call.
func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, nil // want `error from io.ReadAll`
	}
	return b, nil
}

// The error variable is captured by a closure, so it lives in memory.
func captured(path string) error {
	var err error
	defer func() { _ = err }()
	_, err = os.ReadFile(path)
	if err != nil {
		return nil // want `error from os.ReadFile`
	}
	return nil
}

// Inside a loop, the return still drops the error.
func firstLine(paths []string) error {
	for _, p := range paths {
		if _, err := os.ReadDir(p); err != nil {
			return nil // want `error from os.ReadDir`
		}
	}
	return nil
}

// A function literal that returns error swallows the same way.
var write = func(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return nil // want `error from Write`
	}
	return nil
}

// A method on a named type.
type store struct{ path string }

func (s *store) Save(data []byte) error {
	if err := os.WriteFile(s.path, data, 0o600); err != nil {
		return nil // want `error from os.WriteFile`
	}
	return nil
}

// A zero struct and an empty string are zero results too.
type Info struct{ Size int64 }

func info(path string) (Info, string, error) {
	if _, err := os.Readlink(path); err != nil {
		return Info{}, "", nil // want `error from os.Readlink`
	}
	return Info{Size: 1}, path, nil
}

// The branch makes another call whose error it drops too: no fallback
// error is returned, so both failures become success.
func cleanupOnly(path string) error {
	if err := os.Chmod(path, 0o600); err != nil {
		os.Remove(path)
		return nil // want `error from os.Chmod`
	}
	return nil
}

// The fallback's error is checked but a nil error is returned on its
// failure path as well.
func fallbackDropped(path string) (int, error) {
	if _, err := os.Stat(path + ".cache"); err != nil {
		if _, err := os.ReadFile(path); err != nil {
			return 0, nil // want `error from os.ReadFile`
		}
	}
	return 1, nil
}

// An empty error branch: the failure is tested, then ignored, in a
// function with no error result to return it through.
func touch(path string) {
	f, err := os.Create(path)
	if err != nil { // want `its branch is empty`
	}
	if f != nil {
		f.Close()
	}
}

// An empty branch in a function that could return the error.
func mkdirs(dirs []string) error {
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil { // want `its branch is empty`
		}
	}
	return nil
}

// A defect note in the branch is not an explanation: "TODO" says the drop
// is unfinished, the opposite of a decision (issue #23; the good side is
// good.go's ping, whose comment says why).
func loadTODO(path string) error {
	f, err := os.Open(path)
	if err != nil {
		// TODO: report this
		return nil // want `the error from os.Open \(line \d+\) is non-nil here but the function returns a nil error`
	}
	return f.Close()
}
