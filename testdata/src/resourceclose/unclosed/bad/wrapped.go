package bad

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"sync"
)

// bufioNeverClosed: the file is read through a bufio.Reader; wrapping it
// neither releases nor transfers it.
func bufioNeverClosed(name string) (string, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(f)
	return r.ReadString('\n')
}

// gzipCloseIsNotFileClose: gz.Close does not close the file under it
// (compress/gzip documents that Close does not close the underlying
// io.Reader).
func gzipCloseIsNotFileClose(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return nil, err
	}
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer gz.Close()
	return io.ReadAll(gz)
}

var statMu sync.Mutex

// runLocked calls fn under statMu.
func runLocked(fn func()) {
	statMu.Lock()
	defer statMu.Unlock()
	fn()
}

// statUnderLock: the closure handed to runLocked only reads the file;
// that runLocked calls its func parameter (a release when it is a cancel
// func) does not close the file the closure captures.
func statUnderLock(name string) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return 0, err
	}
	var size int64
	runLocked(func() {
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
	})
	return size, nil
}
