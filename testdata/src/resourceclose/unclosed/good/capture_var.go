package good

import "os"

// captureErr returns a func that calls fn and keeps its error in *err
// unless an earlier one is there (influxdb's pkg/errors.Capture).
func captureErr(err *error, fn func() error) func() {
	return func() {
		if e := fn(); e != nil && *err == nil {
			*err = e
		}
	}
}

// The file's bound Close goes into captureErr's result, which is
// deferred: it closes the file on every return (influxdb
// pkg/file.CopyFileAndFsync, pkg/mmap.Map, pkg/tar.UntarFile).
func writeCaptured(dst string, data []byte) (err error) {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer captureErr(&err, out.Close)()
	if _, err := out.Write(data); err != nil {
		return err
	}
	return out.Sync()
}

// The same through a variable that is called at the end of every path.
func writeCapturedVar(dst string, data []byte) (err error) {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	closeOut := captureErr(&err, out.Close)
	defer closeOut()
	_, err = out.Write(data)
	return err
}
