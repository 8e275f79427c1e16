// Package bad holds defers SA9001 reports.
package bad

import "os"

// closeLate defers each Close inside a loop over a channel: none runs until
// the channel is closed and the function returns.
func closeLate(files <-chan *os.File, use func(*os.File)) {
	for f := range files {
		defer f.Close() // want `defers in this range loop won't run unless the channel gets closed`
		use(f)
	}
}
