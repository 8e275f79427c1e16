// Package config loads .reviewlint.yml into a settings.Config (package
// analyzers/settings, the configuration model), with every error at its
// file, line and column.
//
// # Configuration file
//
// reviewlint reads .reviewlint.yml (or .reviewlint.yaml, but not both) from
// the directory it runs in or the nearest directory above it. Without a
// file, the rules that are on by default run at their default severities.
// Every key is optional, a key left empty keeps its default, and an empty
// file is valid.
//
//   - version: the file format. Only 1 exists; a file written for a later
//     format is rejected rather than half understood.
//   - enable: rules to switch on, as a list of selectors. A selector is
//     "all", an analyzer (family) name such as httpbody or resourceclose,
//     "staticcheck" for every bundled staticcheck check, or a rule ID such
//     as suppression/unused or SA2000. Selectors are case-insensitive.
//   - disable: rules to switch off, as a list of selectors. The most
//     specific selector wins (a rule ID over an analyzer over "all");
//     between enable and disable at the same level, disable wins.
//   - severity: a map from selector to error, warning or info, overriding
//     the rules' default severities; the most specific selector wins.
//   - exclude: a list of path globs, relative to the directory of the file,
//     whose findings are dropped. "*" and "?" match within one path element,
//     "**" matches any number of directories, and a pattern that matches a
//     directory covers everything below it.
//   - generated: true reports findings in generated files too (those with
//     the standard "Code generated ... DO NOT EDIT." header); by default
//     they are dropped, since nobody reviews generated code.
//   - settings: a map from analyzer name to that analyzer's settings, which
//     its documentation lists. A function a setting names
//     (errorlog.log-functions, resourceclose kinds' constructors) that its
//     package does not have is an error too, once the package is among
//     those analysed; a package that is not is not checked (it may belong
//     to another build).
//
// Unknown keys, at any level, are errors: a misspelt key never silently
// does nothing. Errors name the file, line, column and key path, like
//
//	.reviewlint.yml:7:13: severity.httpbody: unknown severity "fatal" (want error, warning or info)
//
// An example file:
//
//	# .reviewlint.yml
//	version: 1
//	enable:
//	  - suppression/unused   # off by default: report stale directives
//	disable:
//	  - SA9001               # defer in a range loop: we review those by hand
//	severity:
//	  goroutineleak: error
//	  suppression: info
//	exclude:
//	  - "**/*_gen.go"        # generated code
//	  - third_party          # and everything below it
//	settings:
//	  httpbody: {}
package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// FileName is the configuration file's name. altFileName is accepted too,
// because both extensions are common for YAML.
const (
	FileName    = ".reviewlint.yml"
	altFileName = ".reviewlint.yaml"
)

// FileNames are the names a configuration file may have.
var FileNames = []string{FileName, altFileName}

// Find returns the nearest configuration file in dir or a directory above
// it, or "" when there is none up to the filesystem root.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", &Error{File: dir, Msg: err.Error(), err: err}
	}
	for {
		path, err := configIn(dir)
		if path != "" || err != nil {
			return path, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// configIn returns the configuration file in dir, if there is one. Two of
// them are an error: editing one while the other is read is a trap.
func configIn(dir string) (string, error) {
	var found []string
	for _, name := range []string{FileName, altFileName} {
		path := filepath.Join(dir, name)
		ok, err := isFile(path)
		if err != nil {
			return "", &Error{File: path, Msg: err.Error(), err: err}
		}
		if ok {
			found = append(found, path)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", &Error{File: dir, Msg: "both " + FileName + " and " + altFileName + " exist; keep one"}
}

// isFile reports whether path exists and is not a directory.
func isFile(path string) (bool, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return !info.IsDir(), nil
}

// Load reads the configuration file at path. Settings the file does not
// mention keep their defaults, and Dir is the file's absolute directory.
func Load(path string) (settings.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return settings.Config{}, readError(path, err)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return settings.Config{}, &Error{File: path, Msg: err.Error(), err: err}
	}
	cfg, err := decode(path, data)
	if err != nil {
		return settings.Config{}, err
	}
	cfg.Dir = dir
	return cfg, nil
}

// Parse decodes a configuration document that does not come from a file,
// such as the golangci-lint plugin's settings re-encoded as YAML, with the
// same keys and checks as Load; name stands for the file in errors. Dir is
// left empty for the caller to set.
func Parse(name string, data []byte) (settings.Config, error) {
	return decode(name, data)
}

// LoadFor loads the configuration that applies to dir and returns it with
// the file's path. Without a file it returns the defaults, with Dir set to
// dir's absolute path, and "".
func LoadFor(dir string) (settings.Config, string, error) {
	path, err := Find(dir)
	if err != nil {
		return settings.Config{}, "", err
	}
	if path != "" {
		cfg, err := Load(path)
		return cfg, path, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return settings.Config{}, "", &Error{File: dir, Msg: err.Error(), err: err}
	}
	cfg := settings.DefaultConfig()
	cfg.Dir = abs
	return cfg, "", nil
}
