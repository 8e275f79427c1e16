package plugin

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/reviewlint/reviewlint/internal/docgen"
)

var update = flag.Bool("update", false, "rewrite README.md's rule list from the catalog")

// TestReadmeRules keeps README.md's rule list equal to the catalog's: the
// root README's table (internal/docgen), with links from this directory.
func TestReadmeRules(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := docgen.SpliceReadme(readme)
	if err != nil {
		t.Fatal(err)
	}
	want = bytes.ReplaceAll(want, []byte("](docs/"), []byte("](../docs/"))
	if bytes.Equal(readme, want) {
		return
	}
	if !*update {
		t.Fatal("README.md's rule list is stale; run: go test -run TestReadmeRules -update")
	}
	if err := os.WriteFile("README.md", want, 0o644); err != nil {
		t.Fatal(err)
	}
}
