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

	"errorlog/facts/fsyncutil"
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

// A writability probe: the file is created and closed, never written, so
// its Close has no data to lose (modelled on nats-server's store
// directory check: CreateTemp, Close, Remove).
func probe(dir string) error {
	tmp, err := os.CreateTemp(dir, "_probe_")
	if err != nil {
		return fmt.Errorf("directory %s is not writable", dir)
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return nil
}

// A probe whose file is only stat'ed and renamed by name, never written.
func touch(path string) (int64, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), os.Rename(f.Name(), path+".seen")
}

// Durability already checked through a project fsync helper in another
// package before the dropped Close (modelled on etcd's
// snap.SaveDBFrom: io.Copy, fileutil.Fsync(f) checked, f.Close()).
func saveSynced(dir string, r io.Reader) (int64, error) {
	f, err := os.CreateTemp(dir, "tmp")
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, r)
	if err == nil {
		err = fsyncutil.Fsync(f)
	}
	f.Close()
	if err != nil {
		os.Remove(f.Name())
		return n, err
	}
	return n, os.Rename(f.Name(), dir+"/db")
}

// The same through a helper that syncs a later parameter through another
// helper.
func saveSyncedNamed(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return fsyncutil.SyncNamed(path, f)
}

// A local fsync helper: the fact is computed in this package as well.
func fsyncLocal(f *os.File) error { return f.Sync() }

func saveLocal(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return fsyncLocal(f)
}

// The checked Sync is on a variable that holds either an already open
// file or the one opened here (a phi); the deferred Close of the opened
// one follows a checked Sync of it (modelled on nats-server's
// msgBlock truncate).
type block struct {
	open *os.File
	name string
}

func (b *block) truncate(size int64) error {
	var fd *os.File
	if b.open != nil {
		fd = b.open
	} else {
		var err error
		fd, err = os.OpenFile(b.name, os.O_RDWR, 0o600)
		if err == nil {
			defer fd.Close()
		}
	}
	if fd == nil {
		return nil
	}
	if err := fd.Truncate(size); err != nil {
		return err
	}
	if err := fd.Sync(); err != nil {
		return err
	}
	return nil
}
