// Package settingerr is the error an analyzer's settings return from
// Validate: the offending value's key path below the analyzer's block, so
// that the configuration loader can point at the value itself
// (.reviewlint.yml:5:9: settings.errorlog.log-functions[1]: ...) rather
// than at the block. Validate reports every invalid value, joined with
// errors.Join; Each splits them again.
package settingerr

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Error is one invalid setting.
type Error struct {
	// Key is the path below the analyzer's settings: keys joined by dots,
	// list indices in brackets ("kinds[0].release").
	Key string
	Err error
}

func (e *Error) Error() string { return e.Key + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// At wraps err as the error of the setting at key.
func At(key string, err error) error { return &Error{Key: key, Err: err} }

// Each returns the errors err joins (errors.Join), or err alone; none for
// nil.
func Each(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// Category is the category of the diagnostic a setting becomes when the
// analysed code contradicts it (a configured function that its package
// does not have): the setting is valid syntax, so only an analyzer that
// sees the package's types can tell. The policy never filters it; the CLI
// turns it into a configuration error at the setting's line in the file,
// and other hosts show it at the package clause.
const Category = "reviewlint/setting"

// Report reports that the setting at key (below settings.<family>) is
// wrong, at the package clause of the package being analysed.
func Report(pass *analysis.Pass, family, key string, err error) {
	pos := token.NoPos
	if len(pass.Files) > 0 {
		pos = pass.Files[0].Package
	}
	pass.Report(analysis.Diagnostic{Pos: pos, End: pos, Category: Category, Message: "settings." + family + "." + key + ": " + err.Error()})
}

// Split returns the key path (from settings down) and the reason of the
// message of a Category diagnostic.
func Split(msg string) (key, reason string) {
	key, reason, _ = strings.Cut(msg, ": ")
	return key, reason
}
