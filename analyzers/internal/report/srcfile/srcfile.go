// Package srcfile reads the source of a package's files for analyzers
// that build suggested fixes from it.
package srcfile

import (
	"os"

	"golang.org/x/tools/go/analysis"
)

// Read returns the content of filename, one of the pass's files. It uses
// pass.ReadFile where the host provides it; some drivers (staticcheck's
// runner, which the CLI uses) leave it nil, and the file is read from
// disk then.
func Read(pass *analysis.Pass, filename string) ([]byte, error) {
	if pass.ReadFile != nil {
		return pass.ReadFile(filename)
	}
	return os.ReadFile(filename)
}
