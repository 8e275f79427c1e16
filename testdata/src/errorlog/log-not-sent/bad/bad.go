package bad

import (
	"errors"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

// The chain never ends: nothing is logged. The bug that
// aau-network-security/haaukins#217 and chriswalz/bit#97 fixed.
func dropped(err error) {
	log.Error().Err(err).Str("op", "sync") // want `zerolog event from log.Error \(line \d+\) is never sent`
}

// A Fatal event that is never sent does not end the program either.
func fatalNotSent(l *zerolog.Logger, err error) {
	if err != nil {
		l.Fatal().Err(err) // want `does not end the program`
	}
}

// Built in a variable and forgotten.
func variable(l *zerolog.Logger, id string) {
	e := l.Info().Str("id", id) // want `zerolog event e from l.Info \(line \d+\) is never sent`
	e.Int("n", 3)
}

// Sent on one path only.
func onePath(l *zerolog.Logger, id string, ok bool) error {
	e := l.Warn().Str("id", id) // want `is not sent on the path returning at line \d+`
	if !ok {
		return errors.New("not ok")
	}
	e.Msg("checked")
	return nil
}

// A helper that adds fields borrows the event; the caller still has to
// send it.
func addRequest(e *zerolog.Event, path string) { e.Str("path", path) }

func viaHelper(l *zerolog.Logger) {
	e := l.Info() // want `zerolog event e from l.Info \(line \d+\) is never sent`
	addRequest(e, "/")
}

// A loop that starts an event per item and skips the send for some.
func perItem(l *zerolog.Logger, items []string) {
	for _, it := range items {
		e := l.Debug().Str("item", it) // want `is not sent on a path that goes round the loop`
		if it == "" {
			continue
		}
		e.Send()
	}
}

// A project's constructor of events: its callers owe the send.
func (s *service) event() *zerolog.Event { return s.log.Info().Str("service", s.name) }

type service struct {
	log  *zerolog.Logger
	name string
}

func (s *service) start() {
	s.event().Str("phase", "start") // want `zerolog event from s.event \(line \d+\) is never sent`
}
