// Package logutil holds a project's logging wrappers, in a package of
// their own: their callers elsewhere learn from facts that the variadic
// parameter is a key/value list.
package logutil

import (
	"log/slog"

	"go.uber.org/zap"
)

// Logger wraps a sugared zap logger.
type Logger struct{ s *zap.SugaredLogger }

// Infow forwards its key/value list to zap unchanged.
func (l *Logger) Infow(msg string, keysAndValues ...any) { l.s.Infow(msg, keysAndValues...) }

// Event logs an event with the service's own pair first.
func Event(msg string, args ...any) {
	slog.Info(msg, append([]any{"service", "billing"}, args...)...)
}

// Audit forwards to Event: a wrapper of a wrapper.
func Audit(action string, args ...any) { Event("audit: "+action, args...) }
