// Command cmd ends main with an unsent event: returning from main
// settles files and connections, not a log line that was never written.
package main

import (
	"errors"

	"github.com/rs/zerolog/log"
)

func main() {
	if err := run(); err != nil {
		log.Fatal().Err(err) // want `never sent.*does not end the program`
	}
}

func run() error { return errors.New("boom") }
