package driver

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoBuildID: the build ID read from the test binary is the one the go
// command reports, so the salt of a run costs no hash of the binary.
func TestGoBuildID(t *testing.T) {
	out, err := exec.Command("go", "tool", "buildid", os.Args[0]).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if got, want := goBuildID(os.Args[0]), strings.TrimSpace(string(out)); got != want {
		t.Errorf("goBuildID = %q, want %q", got, want)
	}
}
