// Package zerolog is a stub of github.com/rs/zerolog's API shape for fixtures.
package zerolog

// Level is a log level.
type Level int8

// Logger is a zerolog logger.
type Logger struct{ level Level }

// Event is one log event being built.
type Event struct {
	buf   []byte
	level Level
	stack bool
}

// LogObjectMarshaler is implemented by values that log themselves.
type LogObjectMarshaler interface {
	MarshalZerologObject(e *Event)
}

// ErrorStackMarshaler extracts a stack from an error, as in zerolog.
var ErrorStackMarshaler func(err error) interface{}

func (l *Logger) newEvent(level Level) *Event {
	if level < l.level {
		return nil
	}
	return &Event{level: level}
}

func (l *Logger) Trace() *Event                { return l.newEvent(-1) }
func (l *Logger) Debug() *Event                { return l.newEvent(0) }
func (l *Logger) Info() *Event                 { return l.newEvent(1) }
func (l *Logger) Warn() *Event                 { return l.newEvent(2) }
func (l *Logger) Error() *Event                { return l.newEvent(3) }
func (l *Logger) Fatal() *Event                { return l.newEvent(4) }
func (l *Logger) WithLevel(level Level) *Event { return l.newEvent(level) }
func (l *Logger) Print(v ...any)               { l.Debug().Msg("") }

// Err starts an error event, or an info event for a nil error.
func (l *Logger) Err(err error) *Event {
	if err != nil {
		return l.Error().Err(err)
	}
	return l.Info()
}

func (e *Event) Str(k, v string) *Event {
	if e == nil {
		return e
	}
	e.buf = append(e.buf, k...)
	e.buf = append(e.buf, v...)
	return e
}

func (e *Event) Int(k string, v int) *Event { return e.Str(k, "") }

// Err adds the error; with a stack marshaler it hands the event to a
// marshaler, as zerolog's does, so its body lets the event escape.
func (e *Event) Err(err error) *Event {
	if e == nil {
		return e
	}
	if e.stack && ErrorStackMarshaler != nil {
		if m, ok := ErrorStackMarshaler(err).(LogObjectMarshaler); ok {
			m.MarshalZerologObject(e)
		}
	}
	return e.Str("error", err.Error())
}

func (e *Event) Object(k string, m LogObjectMarshaler) *Event {
	m.MarshalZerologObject(e)
	return e
}

func (e *Event) Func(f func(e *Event)) *Event {
	if e != nil {
		f(e)
	}
	return e
}

func (e *Event) Enabled() bool   { return e != nil }
func (e *Event) Discard() *Event { return nil }

func (e *Event) Msg(msg string) {
	if e == nil {
		return
	}
	e.write()
}

func (e *Event) Msgf(f string, args ...any) { e.Msg(f) }
func (e *Event) Send()                      { e.Msg("") }
func (e *Event) MsgFunc(f func() string)    { e.Msg(f()) }

func (e *Event) write() { pool = append(pool, e) }

var pool []*Event

// Dict starts a sub-dictionary for Event.Dict.
func Dict() *Event { return &Event{} }

func (e *Event) Dict(k string, d *Event) *Event { return e }
