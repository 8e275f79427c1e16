package use

import (
	"os"

	"errorlog/config/notify"
)

// A configured log function without the error.
func remove(p notify.Pager, name string) {
	if err := os.Remove(name); err != nil {
		p.Alert("remove failed", "name", name) // want `does not include the error`
	}
}

// The same with the error.
func removeWithErr(p notify.Pager, name string) {
	if err := os.Remove(name); err != nil {
		p.Alert("remove failed", "err", err)
	}
}
