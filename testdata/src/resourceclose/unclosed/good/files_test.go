package good

import (
	"net"
	"os"
	"testing"
)

// A test that fails or skips leaves no finding behind: the failure is
// already reported (and Fatal/Skip end the test).
func TestProbe(t *testing.T) {
	f, err := os.Open("testdata/input")
	if err != nil {
		t.Skip("no input")
	}
	st, err := f.Stat()
	if err != nil {
		t.Fatalf("stat: %v", err)
	}
	if st.Size() == 0 {
		t.Errorf("empty input")
		return
	}
	f.Close()
}

// Expected to fail: a connection that unexpectedly opens is a failed test.
func TestDialFails(t *testing.T) {
	for _, addr := range []string{"256.0.0.1:1", "[::1]:99999"} {
		_, err := net.Dial("tcp", addr)
		if err == nil {
			t.Errorf("%s: should fail", addr)
			continue
		}
	}
}
