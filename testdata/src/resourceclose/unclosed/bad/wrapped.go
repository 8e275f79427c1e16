package bad

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
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
