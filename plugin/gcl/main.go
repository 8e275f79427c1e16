// Command golangci-lint is golangci-lint v2 with reviewlint compiled in:
// the binary `golangci-lint custom` builds from .custom-gcl.yml, built from
// the Go module proxy instead of a git clone of golangci-lint. Like the
// generated build, it is golangci-lint's own entry point plus a blank
// import of each plugin; plugin/test/run builds it for the integration
// test.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/reviewlint/reviewlint/plugin"
)

const golangciModule = "github.com/golangci/golangci-lint/v2"

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports the golangci-lint version compiled in, marked custom
// the way `golangci-lint custom` marks its builds.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	for _, dep := range bi.Deps {
		if dep.Path == golangciModule {
			info.Version = strings.TrimPrefix(dep.Version, "v") + "-custom-gcl"
		}
	}
	return info
}
