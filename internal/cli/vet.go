package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/internal/config"
)

// isVetInvocation reports whether the go command is running reviewlint as
// a vet tool: it asks for the version (-V=full) or the flags (-flags), or
// passes flags followed by a *.cfg file describing one package.
func isVetInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}

// runVetTool hands over to unitchecker with the analyzers configured by the
// .reviewlint.yml found from the package's directory, so `go vet -vettool`
// reports what the CLI reports. unitchecker.Main exits the process.
func runVetTool(args []string, stderr io.Writer) int {
	cfg := analyzers.DefaultConfig()
	if last := args[len(args)-1]; strings.HasSuffix(last, ".cfg") {
		dir, err := vetPackageDir(last)
		if err != nil {
			fmt.Fprintf(stderr, "reviewlint: %v\n", err)
			return ExitUsage
		}
		if cfg, _, err = config.LoadFor(dir); err != nil {
			fmt.Fprintf(stderr, "reviewlint: %v\n", err)
			return ExitUsage
		}
	}
	suite, err := analyzers.New(cfg, analyzers.Options{TagMessages: true})
	if err != nil {
		fmt.Fprintf(stderr, "reviewlint: %v\n", err)
		return ExitUsage
	}
	unitchecker.Main(suite...)
	return ExitClean // not reached
}

// vetPackageDir reads the package directory from the go command's vet
// config file.
func vetPackageDir(cfgFile string) (string, error) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return "", err
	}
	var c struct{ Dir string }
	if err := json.Unmarshal(data, &c); err != nil {
		return "", fmt.Errorf("reading vet config %s: %v", cfgFile, err)
	}
	return c.Dir, nil
}
