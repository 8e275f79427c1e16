package cli

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
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

// vetFlags are reviewlint's own flags under go vet, on top of
// unitchecker's: `go vet -vettool=$(command -v reviewlint) -enable=RULE ./...`.
var vetFlags = []struct{ name, usage string }{
	{"enable", "rules or analyzers to turn on, on top of the config (comma-separated)"},
	{"disable", "rules or analyzers to turn off, on top of the config (comma-separated)"},
	{"config", "config file (default: .reviewlint.yml found from each package's directory upward)"},
}

// runVetTool hands over to unitchecker with the analyzers configured by the
// .reviewlint.yml found from the package's directory and the -enable,
// -disable and -config flags, so `go vet -vettool` reports what the CLI
// reports. unitchecker.Main exits the process.
func runVetTool(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && args[0] == "-V=full" {
		return printVetVersion(stdout, stderr)
	}
	own := scanVetFlags(args)
	cfg := settings.DefaultConfig()
	if last := args[len(args)-1]; strings.HasSuffix(last, ".cfg") {
		dir, err := vetPackageDir(last)
		if err != nil {
			fmt.Fprintf(stderr, "reviewlint: %v\n", err)
			return ExitUsage
		}
		f := &lintFlags{configFile: own["config"]}
		_ = f.enable.Set(own["enable"])
		_ = f.disable.Set(own["disable"])
		if cfg, _, err = loadConfig(f, dir); err != nil {
			fmt.Fprintf(stderr, "reviewlint: %v\n", err)
			return ExitUsage
		}
	}
	suite, err := analyzers.New(cfg, analyzers.Options{TagMessages: true})
	if err != nil {
		fmt.Fprintf(stderr, "reviewlint: %v\n", err)
		return ExitUsage
	}
	// Declared on the command line unitchecker parses, so that -flags
	// lists them for the go command and the parse accepts them; their
	// values were read above.
	for _, vf := range vetFlags {
		flag.String(vf.name, "", vf.usage)
	}
	unitchecker.Main(suite...)
	return ExitClean // not reached
}

// scanVetFlags reads reviewlint's own flags from a vet tool command line
// ("-enable=x", "--enable x"); unitchecker parses the rest.
func scanVetFlags(args []string) map[string]string {
	out := map[string]string{}
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || !isVetFlag(name) {
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			value = args[i]
		}
		if out[name] != "" && name != "config" {
			value = out[name] + "," + value
		}
		out[name] = value
	}
	return out
}

func isVetFlag(name string) bool {
	for _, vf := range vetFlags {
		if vf.name == name {
			return true
		}
	}
	return false
}

// printVetVersion answers the go command's -V=full. The go command keys
// its vet action cache by this line (and by the vet flags), not by
// .reviewlint.yml, so the build ID carries a hash of the binary and of
// every config file that may apply: those from the working directory
// upward and below it. Editing a config then re-runs vet without a .go
// change.
func printVetVersion(stdout, stderr io.Writer) int {
	h := sha256.New()
	exe, err := os.Executable()
	if err == nil {
		var data []byte
		if data, err = os.ReadFile(exe); err == nil {
			h.Write(data)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "reviewlint: %v\n", err)
		return ExitUsage
	}
	cwd, err := os.Getwd()
	if err == nil {
		hashConfigs(h, cwd)
	}
	fmt.Fprintf(stdout, "reviewlint version devel %s buildID=%x\n", Version, h.Sum(nil))
	return ExitClean
}

// hashConfigs writes the path (relative to dir, so that the same tree
// elsewhere shares go vet's cached results) and contents of every config
// file that can apply to a package under dir into h.
func hashConfigs(h hash.Hash, dir string) {
	add := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			return
		}
		if rel, err := filepath.Rel(dir, path); err == nil {
			path = rel
		}
		fmt.Fprintf(h, "\x00%s\x00%d\x00", path, len(data))
		h.Write(data)
	}
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		for _, name := range config.FileNames {
			add(filepath.Join(d, name))
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	// Best effort: an unreadable directory has no packages to vet either.
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && path != dir && skipDir(d.Name()) {
			return filepath.SkipDir
		}
		if !d.IsDir() && isConfigName(d.Name()) {
			add(path)
		}
		return nil
	})
}

// skipDir reports whether the go command ignores a directory for ./...
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor"
}

func isConfigName(name string) bool {
	for _, n := range config.FileNames {
		if n == name {
			return true
		}
	}
	return false
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
