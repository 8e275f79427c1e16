package bad

import "os"

// closedUnderStaleFlag: the flag is set only after the first iteration,
// so the first file is never closed.
func closedUnderStaleFlag(names []string) error {
	opened := false
	for _, n := range names {
		f, err := os.Open(n) // want `file f from os\.Open .* is not closed on the path returning at line 19`
		if err != nil {
			return err
		}
		if opened {
			f.Close()
		}
		opened = true
	}
	return nil // leaks here
}

// closedUnderFlagClearedOnAPath: a path after the open clears the flag,
// and that path never closes.
func closedUnderFlagClearedOnAPath(name string, keep bool) error {
	f, err := os.Open(name) // want `file f from os\.Open .* is not closed on the path returning at line 36`
	if err != nil {
		return err
	}
	opened := true
	if keep {
		opened = false
	}
	if opened {
		f.Close()
	}
	return nil // leaks here
}

// keepFirst returns a func that calls fn and keeps its error in *err.
func keepFirst(err *error, fn func() error) func() {
	return func() {
		if e := fn(); *err == nil {
			*err = e
		}
	}
}

// syncedNotClosed: the deferred wrapper calls f.Sync, which does not
// close the file.
func syncedNotClosed(path string) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0) // want `file f from os\.OpenFile .* is not closed on the path returning at line 57`
	if err != nil {
		return err
	}
	defer keepFirst(&err, f.Sync)()
	_, err = f.WriteString("x")
	return err // leaks here
}
