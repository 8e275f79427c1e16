// Package hclog is a stub of github.com/hashicorp/go-hclog's API shape for fixtures.
package hclog

// Level is a log level.
type Level int

// Logger is hclog's logger interface.
type Logger interface {
	Log(level Level, msg string, args ...interface{})
	Trace(msg string, args ...interface{})
	Debug(msg string, args ...interface{})
	Info(msg string, args ...interface{})
	Warn(msg string, args ...interface{})
	Error(msg string, args ...interface{})
	IsDebug() bool
	With(args ...interface{}) Logger
	Named(name string) Logger
}

// InterceptLogger is a Logger that sinks can be registered on.
type InterceptLogger interface {
	Logger
	RegisterSink(sink any)
}

// CapturedStacktrace is a stack trace captured by Stacktrace.
type CapturedStacktrace string

// Stacktrace captures the caller's stack.
func Stacktrace() CapturedStacktrace { return "" }

// Default returns the default logger.
func Default() Logger { return nil }

// LoggerOptions configures New.
type LoggerOptions struct{ Name string }

// New returns a logger.
func New(opts *LoggerOptions) Logger { return nil }
