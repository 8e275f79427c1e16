package falsepositive

import (
	"io"
	"os"
)

// capture returns a func that calls fn and keeps its error in *err when
// *err is still nil: deferred as defer capture(&err, f.Close)().
func capture(err *error, fn func() error) func() {
	return func() {
		if e := fn(); *err == nil {
			*err = e
		}
	}
}

// closedByDeferredCapture: reported, but the deferred func that capture
// returns calls f.Close. The method value f.Close is wrapped into
// capture's result, and calling a wrapped closure is not known to call
// what it wraps (modelled on influxdb's pkg/errors.Capture, used in
// pkg/mmap/mmap_unix.go Map, pkg/tar/untar.go untarFile, pkg/file/file.go
// copyFile).
func closedByDeferredCapture(path string, w io.Writer) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer capture(&err, f.Close)()
	_, err = io.Copy(w, f)
	return err
}

type profiles struct {
	mem *os.File
}

// closedByReturnedClosure: reported, but the file goes into a local
// struct that the returned stop func captures and closes (modelled on
// influxdb's cmd/influx_tools/internal/profile Config.Start).
func closedByReturnedClosure(path string) func() {
	var prof profiles
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	prof.mem = f
	return func() {
		if prof.mem != nil {
			prof.mem.Close()
		}
	}
}
