// Package zap is a stub of go.uber.org/zap's API shape for fixtures.
package zap

// Field is a structured logging field.
type Field struct {
	Key   string
	Value any
}

// Logger is a structured logger.
type Logger struct{}

// SugaredLogger is the printf-style logger.
type SugaredLogger struct{}

func String(k, v string) Field             { return Field{k, v} }
func Error(err error) Field                { return Field{"error", err} }
func NamedError(k string, err error) Field { return Field{k, err} }

func (l *Logger) Info(msg string, fields ...Field)  {}
func (l *Logger) Warn(msg string, fields ...Field)  {}
func (l *Logger) Error(msg string, fields ...Field) {}
func (l *Logger) Sugar() *SugaredLogger             { return &SugaredLogger{} }

func (s *SugaredLogger) Errorf(template string, args ...any)     {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...any) {}
