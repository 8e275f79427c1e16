package bad

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
)

// A deferred Close of a created file: a failed write-back is lost.
func save(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `the error of Close of a file opened with os.Create is dropped`
	_, err = f.Write(data)
	return err
}

// OpenFile with write flags, closed as a statement.
func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(line)
	f.Close() // want `Close of a file opened with os.OpenFile for writing`
	return err
}

// Assigned to the blank identifier.
func blank(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, "x")
	_ = f.Close() // want `Close of a file opened with os.Create`
	return err
}

// A bufio.Writer whose last bytes are written by the dropped Flush.
func writeLines(w io.Writer, lines []string) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		if _, err := bw.WriteString(l); err != nil {
			return err
		}
	}
	bw.Flush() // want `the error of Writer.Flush is dropped`
	return nil
}

// A deferred Flush.
func deferredFlush(w io.Writer, b []byte) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush() // want `Writer.Flush`
	_, err := bw.Write(b)
	return err
}

// gzip writes its footer on Close.
func compress(w io.Writer, b []byte) error {
	zw := gzip.NewWriter(w)
	defer zw.Close() // want `Writer.Close`
	_, err := zw.Write(b)
	return err
}

// A Sync whose failure means the data is not durable.
func syncFile(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	f.Sync() // want `Sync of a file opened with os.OpenFile for writing`
	return f.Close()
}

// Closed inside a deferred closure.
func closure(path string) error {
	f, err := os.CreateTemp("", path)
	if err != nil {
		return err
	}
	defer func() {
		f.Close() // want `Close of a file opened with os.CreateTemp`
	}()
	_, err = f.Write([]byte("x"))
	return err
}

// Removed only when the download fails: on success the written file stays
// and its Close error is lost (modelled on nats' GetFile).
func download(path string, r io.Reader, fail bool) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer f.Close() // want `Close of a file opened with os.OpenFile for writing`
	if fail {
		os.Remove(f.Name())
		return io.ErrUnexpectedEOF
	}
	_, err = io.Copy(f, r)
	return err
}

// Written through an encoder: the file escapes into a writer, so it is
// written, and its Close error is the only report of a failed write-back.
func encode(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `Close of a file opened with os.Create`
	return json.NewEncoder(f).Encode(v)
}

// A helper that syncs but drops the sync error is no durability check.
func syncQuietly(f *os.File) error {
	f.Sync()
	return nil
}

func saveQuietly(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `Close of a file opened with os.Create`
	if _, err := f.Write(data); err != nil {
		return err
	}
	return syncQuietly(f)
}

// The checked Sync is of another file than the one whose Close is
// dropped.
func copyTo(dst, log *os.File, path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `Close of a file opened with os.Create`
	if _, err := f.Write(data); err != nil {
		return err
	}
	out := dst
	if out == nil {
		out = log
	}
	return out.Sync()
}
