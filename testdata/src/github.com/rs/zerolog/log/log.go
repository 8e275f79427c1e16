// Package log is a stub of github.com/rs/zerolog/log, the global logger.
package log

import "github.com/rs/zerolog"

// Logger is the global logger.
var Logger = zerolog.Logger{}

func Debug() *zerolog.Event        { return Logger.Debug() }
func Info() *zerolog.Event         { return Logger.Info() }
func Warn() *zerolog.Event         { return Logger.Warn() }
func Error() *zerolog.Event        { return Logger.Error() }
func Fatal() *zerolog.Event        { return Logger.Fatal() }
func Err(err error) *zerolog.Event { return Logger.Err(err) }
