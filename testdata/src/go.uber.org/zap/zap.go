// Package zap is a stub of go.uber.org/zap's API shape for fixtures.
package zap

import "go.uber.org/zap/zapcore"

// Field is a structured logging field, an alias as in zap.
type Field = zapcore.Field

// Logger is a structured logger.
type Logger struct{}

// SugaredLogger is the printf-style and key/value logger.
type SugaredLogger struct{ base *Logger }

func String(k, v string) Field             { return Field{Key: k, Value: v} }
func Int(k string, v int) Field            { return Field{Key: k, Value: v} }
func Any(k string, v any) Field            { return Field{Key: k, Value: v} }
func Error(err error) Field                { return Field{Key: "error", Value: err} }
func NamedError(k string, err error) Field { return Field{Key: k, Value: err} }

func (l *Logger) Debug(msg string, fields ...Field) {}
func (l *Logger) Info(msg string, fields ...Field)  {}
func (l *Logger) Warn(msg string, fields ...Field)  {}
func (l *Logger) Error(msg string, fields ...Field) {}
func (l *Logger) With(fields ...Field) *Logger      { return l }
func (l *Logger) Sugar() *SugaredLogger             { return &SugaredLogger{l} }

func (s *SugaredLogger) Infof(template string, args ...any)      {}
func (s *SugaredLogger) Errorf(template string, args ...any)     {}
func (s *SugaredLogger) Info(args ...any)                        {}
func (s *SugaredLogger) Debugw(msg string, keysAndValues ...any) { s.log(msg, keysAndValues) }
func (s *SugaredLogger) Infow(msg string, keysAndValues ...any)  { s.log(msg, keysAndValues) }
func (s *SugaredLogger) Warnw(msg string, keysAndValues ...any)  { s.log(msg, keysAndValues) }
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...any) { s.log(msg, keysAndValues) }
func (s *SugaredLogger) With(args ...any) *SugaredLogger         { return s }
func (s *SugaredLogger) log(msg string, context []any)           {}
