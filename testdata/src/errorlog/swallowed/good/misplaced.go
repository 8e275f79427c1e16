package good

import (
	"fmt"
	"os"
)

// pair returns two errors: the first result is an error too, so handing
// the failure there is a choice of which error slot, not a value mistaken
// for success (nilerr's testdata accepts it as well).
func pair(path string) (error, error) {
	if _, err := os.Stat(path); err != nil {
		return err, nil
	}
	return nil, nil
}

// both: the error is in the error result as well.
func both(path string) (any, error) {
	if _, err := os.Stat(path); err != nil {
		return err, err
	}
	return nil, nil
}

// loggedAndReturned: the branch does more with the error than return it
// as a value (it reports it), so the value is a deliberate record.
func loggedAndReturned(path string) (any, error) {
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return err, nil
	}
	return nil, nil
}

// asString: the error's text is the value, for a caller that displays it.
func asString(path string) (string, error) {
	if _, err := os.Stat(path); err != nil {
		return err.Error(), nil
	}
	return "", nil
}
