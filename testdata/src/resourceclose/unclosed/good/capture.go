package good

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

// closedByDeferredCapture: the deferred func that capture returns calls
// f.Close, the method value wrapped into it (modelled on influxdb's
// pkg/errors.Capture, used in pkg/mmap/mmap_unix.go Map, pkg/tar/untar.go
// untarFile, pkg/file/file.go copyFile).
func closedByDeferredCapture(path string, w io.Writer) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer capture(&err, f.Close)()
	_, err = io.Copy(w, f)
	return err
}
