// Package tagged is the plugin test's fixture: under golangci-lint every
// message carries its rule ID, and //nolint:reviewlint still suppresses.
package tagged

import (
	"io"
	"os"
)

// leak never closes the file: reported, with the rule ID in the message.
func leak(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* \(resourceclose/unclosed\)$`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// suppressed is the same leak under //nolint:reviewlint.
func suppressed(name string) ([]byte, error) {
	f, err := os.Open(name) //nolint:reviewlint // the test wants it suppressed
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}
