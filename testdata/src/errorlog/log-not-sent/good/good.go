package good

import (
	"errors"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

// Every chain ends with Msg, Msgf, MsgFunc or Send.
func sent(l *zerolog.Logger, err error, id string) {
	log.Error().Err(err).Str("op", "sync").Msg("sync failed")
	l.Info().Str("id", id).Msgf("started %s", id)
	l.Debug().Send()
	l.Warn().MsgFunc(func() string { return "slow" })
	l.Err(err).Msg("done")
}

// Returned to the caller: the caller sends it.
func event(l *zerolog.Logger) *zerolog.Event { return l.Info().Str("svc", "billing") }

// Stored: its owner sends it.
type pending struct{ e *zerolog.Event }

func stored(l *zerolog.Logger, p *pending) {
	p.e = l.Info()
}

// Sent in a deferred call, and in a deferred closure.
func deferred(l *zerolog.Logger) {
	defer l.Info().Str("phase", "stop").Msg("stopped")
	e := l.Debug().Str("phase", "run")
	defer func() { e.Msg("ran") }()
}

// Sent on every path, one of them through a helper that sends.
func send(e *zerolog.Event, msg string) { e.Msg(msg) }

func everyPath(l *zerolog.Logger, ok bool) error {
	e := l.Warn()
	if !ok {
		send(e, "not ok")
		return errors.New("not ok")
	}
	e.Msg("ok")
	return nil
}

// A disabled event is nil: the guarded idiom owes nothing when it is off.
func guarded(l *zerolog.Logger, expensive func() string) {
	if e := l.Debug(); e.Enabled() {
		e.Str("detail", expensive()).Msg("detail")
	}
	if log.Debug().Enabled() {
		log.Debug().Msg("debugging")
	}
}

// Discard drops it on purpose.
func discarded(l *zerolog.Logger, quiet bool) {
	e := l.Info().Str("k", "v")
	if quiet {
		e.Discard()
		return
	}
	e.Send()
}

// Err hands the event to a stack marshaler inside zerolog; the chain's
// own methods only borrow it, so the Msg after it is what counts.
func withErr(l *zerolog.Logger, err error) {
	e := l.Error().Err(err)
	e.Msg("failed")
}

// A helper continuing the chain returns the same event.
func withPath(e *zerolog.Event, p string) *zerolog.Event { return e.Str("path", p) }

func chainedHelper(l *zerolog.Logger) {
	withPath(l.Info(), "/").Msg("request")
}

// A sub-dictionary is not a level event: Dict hands it to its parent.
func dict(l *zerolog.Logger) {
	l.Info().Dict("req", zerolog.Dict().Str("id", "1")).Send()
}

// Sent through a Func callback's receiver.
func viaFunc(l *zerolog.Logger) {
	l.Info().Func(func(e *zerolog.Event) { e.Str("k", "v") }).Msg("func")
}
