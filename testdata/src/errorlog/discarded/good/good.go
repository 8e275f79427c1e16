package good

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// A read-only file: Close has nothing to report.
func read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// OpenFile read-only.
func readOnly(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}

// A deferred Close as a safety net next to a checked Close.
func save(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Close()
}

// A checked Sync before the deferred Close: the data is durable.
func durable(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Sync()
}

// The Close error is joined into the named result.
func joined(path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	_, err = f.Write([]byte("x"))
	return err
}

// fmt.Print*, bytes.Buffer, strings.Builder and hash writes never fail
// in a way worth checking (errcheck's default exclusions).
func norms() string {
	fmt.Println("hello")
	var b bytes.Buffer
	b.WriteString("x")
	var sb strings.Builder
	sb.WriteString("y")
	h := sha256.New()
	h.Write([]byte("z"))
	return b.String() + sb.String() + string(h.Sum(nil))
}

// A bufio.Writer over an in-memory buffer cannot fail.
func inMemory() string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	w.WriteString("x")
	w.Flush()
	return b.String()
}

// A bufio.Writer over os.Stdout: dropped like fmt.Print's errors.
func toStdout(lines []string) {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// A checked Flush.
func flushed(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	return bw.Flush()
}

// A file passed in: whoever opened it decides (its mode is unknown).
func closeIt(f *os.File) {
	f.Close()
}

// A writer handed in: whoever built it flushes and checks it.
func flushParam(bw *bufio.Writer) {
	bw.Flush()
}

// A bufio.Writer redirected to an in-memory hook (modelled on
// gorilla/websocket's buffer extraction).
type hook struct{ p []byte }

func (h *hook) Write(p []byte) (int, error) { h.p = p; return len(p), nil }

func extract(w io.Writer) []byte {
	bw := bufio.NewWriter(w)
	var h hook
	bw.Reset(&h)
	bw.WriteByte(0)
	bw.Flush()
	return h.p
}

// Closing in the branch of an earlier failure is cleanup: nothing useful
// was written, and the failure is already reported (modelled on grpc's
// benchmark profile setup).
func cleanup(path string, start func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := start(f); err != nil {
		f.Close()
		return err
	}
	return nil
}

// A best-effort Sync of a directory opened read-only (modelled on
// reviewlint's own fix writer).
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

// A scratch file removed by the same function: its bytes are thrown away
// anyway (modelled on minio's snowball upload).
func scratch(data []byte) (int, error) {
	f, err := os.CreateTemp("", "scratch-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	return f.Write(data)
}
