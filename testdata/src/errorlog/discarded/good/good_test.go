package good

import (
	"os"
	"testing"
)

// A test's scratch file: nothing a user sees is lost.
func TestScratch(t *testing.T) {
	f, err := os.Create(t.TempDir() + "/x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("x")
}
