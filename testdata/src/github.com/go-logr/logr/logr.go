// Package logr is a stub of github.com/go-logr/logr's API shape for fixtures.
package logr

// Logger is a logr logger: a value wrapping a sink.
type Logger struct{ sink LogSink }

// LogSink is what a Logger writes to.
type LogSink interface {
	Info(level int, msg string, keysAndValues ...any)
	Error(err error, msg string, keysAndValues ...any)
	WithValues(keysAndValues ...any) LogSink
}

func (l Logger) Info(msg string, keysAndValues ...any)             {}
func (l Logger) Error(err error, msg string, keysAndValues ...any) {}
func (l Logger) WithValues(keysAndValues ...any) Logger            { return l }
func (l Logger) WithName(name string) Logger                       { return l }
func (l Logger) V(level int) Logger                                { return l }

// Discard returns a Logger that discards everything.
func Discard() Logger { return Logger{} }
