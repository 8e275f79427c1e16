// Command reviewlint runs reviewlint's analyzers; see `reviewlint -h`.
package main

import (
	"os"

	"github.com/reviewlint/reviewlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
