// Package good holds test helpers SA2002 must not report.
package good

import "testing"

// errorInGoroutine reports with t.Error, which is safe from any goroutine,
// and waits for the goroutine before the test ends.
func errorInGoroutine(t *testing.T, check func() error) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := check(); err != nil {
			t.Error(err)
		}
	}()
	<-done
}

// fatalAfterJoin sends the error back and calls t.Fatal from the test's
// own goroutine.
func fatalAfterJoin(t *testing.T, check func() error) {
	errc := make(chan error, 1)
	go func() { errc <- check() }()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}
