// Package zapcore is a stub of go.uber.org/zap/zapcore's API shape for fixtures.
package zapcore

// Field is a structured logging field (zap.Field is an alias of it).
type Field struct {
	Key   string
	Value any
}
