// Package zerolog is a stub of github.com/rs/zerolog's API shape for fixtures.
package zerolog

// Logger is a zerolog logger.
type Logger struct{}

// Event is one log event being built.
type Event struct{}

func (l *Logger) Error() *Event             { return &Event{} }
func (l *Logger) Warn() *Event              { return &Event{} }
func (e *Event) Err(err error) *Event       { return e }
func (e *Event) Str(k, v string) *Event     { return e }
func (e *Event) Msg(msg string)             {}
func (e *Event) Msgf(f string, args ...any) {}
