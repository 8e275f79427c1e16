package good

import (
	"io"
	"os"
)

// openWithCloser returns a new file and the func that closes it.
func openWithCloser(name string) (*os.File, func(), error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// cleanupFromHelper: the helper hands back the file with its own cleanup
// func, which the caller defers.
func cleanupFromHelper(name string) ([]byte, error) {
	f, cleanup, err := openWithCloser(name)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	return io.ReadAll(f)
}
