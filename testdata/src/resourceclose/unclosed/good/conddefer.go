package good

import (
	"errors"
	"fmt"
	"io"
	"os"
)

var errNotRegular = errors.New("not a regular file")

func regular(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode().IsRegular()
}

// ownershipFlagSetBeforeReturn: the deferred closure closes the file
// unless the flag says it was handed out, which it is set just before
// the return that hands it out.
func ownershipFlagSetBeforeReturn(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	if _, err := f.Stat(); err != nil {
		return nil, err
	}
	if !regular(f) {
		return nil, errNotRegular
	}
	ok = true
	return f, nil
}

// ownershipFlagDeclaredFirst: the flag is declared, and the defer
// registered, before the file is opened.
func ownershipFlagDeclaredFirst(name string) (_ *os.File, err error) {
	var handedOut bool
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() {
		if !handedOut {
			_ = f.Close()
		}
	}()
	if !regular(f) {
		return nil, errNotRegular
	}
	handedOut = true
	return f, nil
}

// ownershipFlagNamedResult: the flag is the function's own bool result,
// true exactly on the return that hands the file out.
func ownershipFlagNamedResult(name string) (_ *os.File, ok bool) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	if !regular(f) {
		return nil, false
	}
	return f, true
}

// ownershipFlagInLoop: the flag is set when a header line is found; the
// error return after the loop tests it first.
func ownershipFlagInLoop(name string, lines [][]byte) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	found := false
	defer func() {
		if !found {
			f.Close()
		}
	}()
	for _, l := range lines {
		if len(l) > 0 && l[0] == '#' {
			found = true
			break
		}
	}
	if !found {
		return nil, errors.New("no header")
	}
	return f, nil
}

// closeOnNamedErrorReturnedOnSuccess: the deferred closure closes on a
// non-nil named error; every failing return sets one (a sentinel, a
// wrapped error, the error of a failed call), and the success return
// hands the file out.
func closeOnNamedErrorReturnedOnSuccess(name string) (_ io.ReadCloser, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if !regular(f) {
		return nil, errNotRegular
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("seek %s: %w", name, err)
	}
	if err = f.Sync(); err != nil {
		return nil, err
	}
	return f, nil
}

// cleanupThroughNamedFunc: the closure is kept in a variable and deferred
// through it.
func cleanupThroughNamedFunc(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	keep := false
	cleanup := func() {
		if !keep {
			f.Close()
		}
	}
	defer cleanup()
	if !regular(f) {
		return nil, errNotRegular
	}
	keep = true
	return f, nil
}

// closedOnPanicReturnedOtherwise: the deferred closure closes only when
// recovering a panic; a normal return hands the file out.
func closedOnPanicReturnedOtherwise(name string, check func(*os.File)) *os.File {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			f.Close()
			panic(r)
		}
	}()
	check(f)
	return f
}

// disarmedByNil: the deferred closure closes what f holds; the success
// path hands the file out through another variable and clears f.
func disarmedByNil(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	if !regular(f) {
		return nil, errNotRegular
	}
	out := f
	f = nil
	return out, nil
}

// flagWrittenThroughPointer: the flag's address goes to a callee, which
// may set it: the analysis does not follow it and counts the defer as
// closing.
func flagWrittenThroughPointer(name string, decide func(*bool)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			f.Close()
		}
	}()
	decide(&done)
	return nil
}

// openedOnEitherBranch: both branches open into f and the error variable
// the deferred closure reads; the one check after them is each open's own
// error check, on the paths from that open.
func openedOnEitherBranch(name string, create bool) (err error) {
	var f *os.File
	if create {
		f, err = os.Create(name)
	} else {
		f, err = os.Open(name)
	}
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = f.Stat()
	return err
}
