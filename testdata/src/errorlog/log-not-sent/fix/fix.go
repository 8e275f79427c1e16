package fix

import "github.com/rs/zerolog/log"

// A chain written as a statement of its own: Send ends it.
func dropped(err error) {
	log.Error().Err(err).Str("op", "sync") // want `is never sent`
}
