package fix

import (
	"io"
	"os"
)

// The fix joins the deferred Close's error into the named result.
func save(path string, r io.Reader) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `Close of a file opened with os.Create`
	_, err = io.Copy(f, r)
	return err
}
