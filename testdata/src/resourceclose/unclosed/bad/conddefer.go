package bad

import (
	"errors"
	"os"
)

var errNoData = errors.New("empty")

// shadowedErrInDeferredClose: the deferred closure closes on the outer
// err, but the Stat failure is a new err of the if statement: the outer
// one is nil there, and the file leaks.
func shadowedErrInDeferredClose(name string) (*os.File, error) {
	f, err := os.Open(name) // want `file f from os\.Open \(line 14\) is not closed on the path returning at line 24; the deferred func at line 18 releases it on other paths only`
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err := f.Stat(); err != nil {
		return nil, err // leaks here
	}
	return f, nil
}

// ownershipFlagSetTooEarly: the flag says "handed out" before the
// function knows it will be; the error path returns it set.
func ownershipFlagSetTooEarly(name string) error {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 44`
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	ok = true
	_, err = f.Stat()
	return err // leaks here
}

// flagSetOnOneBranch: the flag is set when the file is big, and the file
// goes nowhere then.
func flagSetOnOneBranch(name string) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 67`
	if err != nil {
		return 0, err
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if fi.Size() > 1<<20 {
		keep = true
	}
	return fi.Size(), nil // leaks here
}

// closedOnPanicOnly: the deferred closure closes only when recovering a
// panic; a normal return recovers nothing.
func closedOnPanicOnly(name string) error {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 84`
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			f.Close()
			panic(r)
		}
	}()
	_, err = f.Stat()
	return err // leaks here
}

// returnedBeforeTheDefer: the deferred closure closes on every path, but
// the early return comes before it is deferred.
func returnedBeforeTheDefer(name string, wantData bool) error {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 95`
	if err != nil {
		return err
	}
	if !wantData {
		return errNoData // leaks here
	}
	defer func() { f.Close() }()
	_, err = f.Stat()
	return err
}

// closedUnlessKept: a parameter decides, and with keep set the file goes
// nowhere.
func closedUnlessKept(name string, keep bool) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 116`
	if err != nil {
		return 0, err
	}
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	fi, err := f.Stat()
	if err != nil {
		return 0, err // leaks here
	}
	return fi.Size(), nil
}

// namedResultClearedBeforeDeferredClose: "return nil, err" sets the named
// result f to nil before the deferred closure runs, so the closure closes
// a nil *os.File (an error, ignored) and the file opened stays open.
func namedResultClearedBeforeDeferredClose(name string) (f *os.File, err error) {
	f, err = os.Open(name) // want `file f from os\.Open \(line 125\) is not closed on the path returning at line 135; f is nil when the deferred func at line 129 runs \(set on this path, or by this return into a named result\), so it releases nothing`
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err = f.Stat(); err != nil {
		return nil, err // leaks here
	}
	return f, nil
}

// namedResultClearedBeforeUnconditionalClose: the deferred closure closes
// on every path, but the error path has cleared f by then.
func namedResultClearedBeforeUnconditionalClose(name string) (f *os.File, err error) {
	f, err = os.Open(name) // want `file f from os\.Open .* returning at line 149; f is nil when the deferred func`
	if err != nil {
		return nil, err
	}
	defer func() { f.Close() }()
	if _, err = f.Stat(); err != nil {
		return nil, err // leaks here
	}
	return f, nil
}
