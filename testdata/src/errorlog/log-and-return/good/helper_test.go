package good

import (
	"os"
	"testing"
)

// A test helper fails the test and returns the error: two audiences, not
// the same log twice (modelled on database/sql's tests).
func removeHelper(t testing.TB, name string) error {
	if err := os.Remove(name); err != nil {
		t.Error(err)
		return err
	}
	return nil
}
