// Package bad holds test helpers SA2002 reports.
package bad

import "testing"

// fatalInGoroutine calls t.Fatal from a goroutine: FailNow exits that
// goroutine, not the test, which keeps running.
func fatalInGoroutine(t *testing.T, check func() error) {
	done := make(chan struct{})
	go func() { // want `the goroutine calls T.Fatal`
		defer close(done)
		if err := check(); err != nil {
			t.Fatal(err)
		}
	}()
	<-done
}
