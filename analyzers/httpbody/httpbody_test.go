package httpbody_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers/httpbody"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestUnclosed(t *testing.T) {
	analysistest.Run(t, testdata(t), httpbody.Analyzer, "httpbody/unclosed/bad", "httpbody/unclosed/good")
}
