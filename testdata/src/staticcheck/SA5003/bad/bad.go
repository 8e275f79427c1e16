// Package bad holds defers SA5003 reports.
package bad

import "os"

// handleForever opens a file per iteration and defers its Close, but the
// loop never exits, so no Close ever runs and the descriptors pile up.
func handleForever(next func() string) {
	for {
		f, err := os.Open(next())
		if err != nil {
			continue
		}
		defer f.Close() // want `defers in this infinite loop will never run`
	}
}
