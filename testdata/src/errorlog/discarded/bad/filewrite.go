package bad

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

// A response copied into a file this function created, the copy's error
// dropped: a connection reset leaves a truncated file, Close succeeds, and
// the caller is told the download is complete.
func fetchTo(url, path string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	io.Copy(f, resp.Body) // want `the error of io.Copy into a file opened with os.Create is dropped`
	return f.Close()
}

// Lines appended to a journal: a full disk makes Write fail, and Close of
// an *os.File does not repeat a write's error.
func appendEntry(path string, entry []byte) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	f.Write(entry) // want `the error of File.Write into a file opened with os.OpenFile for writing is dropped`
	return f.Close()
}

// A report formatted into a file, each write's error dropped.
func writeReport(path string, rows map[string]int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `Close of a file opened with os.Create`
	for k, v := range rows {
		fmt.Fprintf(f, "%s\t%d\n", k, v) // want `the error of fmt.Fprintf into a file opened with os.Create is dropped`
	}
	return nil
}
