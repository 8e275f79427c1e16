// Package settingerr is the error an analyzer's settings return from
// Validate: the offending value's key path below the analyzer's block, so
// that the configuration loader can point at the value itself
// (.reviewlint.yml:5:9: settings.errorlog.log-functions[1]: ...) rather
// than at the block. Validate reports every invalid value, joined with
// errors.Join; Each splits them again.
package settingerr

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
