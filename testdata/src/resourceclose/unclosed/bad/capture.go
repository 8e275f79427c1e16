package bad

import "os"

// captureErr returns a func that calls fn and keeps its error in *err.
func captureErr(err *error, fn func() error) func() {
	return func() {
		if e := fn(); e != nil && *err == nil {
			*err = e
		}
	}
}

// The capturing func is built but never called: the file stays open.
func writeCapturedNeverCalled(dst string, data []byte) (err error) {
	out, err := os.Create(dst) // want `out`
	if err != nil {
		return err
	}
	closeOut := captureErr(&err, out.Close)
	_ = closeOut
	_, err = out.Write(data)
	return err
}
