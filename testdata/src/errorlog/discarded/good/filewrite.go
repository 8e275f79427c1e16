package good

import (
	"fmt"
	"io"
	"os"
)

// Writes whose errors are checked, and writes to the standard streams or to
// a file the caller handed in (opened with a mode and a purpose this
// function cannot see, often os.Stdout).
func copyOut(dst *os.File, r io.Reader, path string) error {
	fmt.Fprintln(os.Stderr, "copying")
	io.Copy(dst, r)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	if _, err := fmt.Fprintf(f, "done\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// A file removed before the function returns: a failed write loses data
// nobody keeps (a probe that the directory is writable).
func probeWritable(dir string) bool {
	f, err := os.CreateTemp(dir, "probe")
	if err != nil {
		return false
	}
	f.WriteString("x")
	f.Close()
	os.Remove(f.Name())
	return true
}

// On the way out of an earlier failure, a last note written to the file is
// best effort: the caller gets the first error.
func writeOrMark(path string, data []byte, check func([]byte) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := check(data); err != nil {
		f.WriteString("invalid\n")
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// A file opened for reading: os.Open gives no write access, so nothing is
// written (WriteString fails every time, and the function reads only).
func readHeader(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	buf := make([]byte, 8)
	n, err := f.Read(buf)
	return string(buf[:n]), err
}
