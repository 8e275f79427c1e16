// Package good holds defers SA9001 must not report.
package good

import "os"

// closeEach defers inside a function literal per item, so each Close runs
// when its iteration ends.
func closeEach(files <-chan *os.File, use func(*os.File)) {
	for f := range files {
		func() {
			defer f.Close()
			use(f)
		}()
	}
}

// firstOnly leaves the loop after the first item, so the deferred Close
// runs when the function returns.
func firstOnly(files <-chan *os.File, use func(*os.File)) {
	for f := range files {
		defer f.Close()
		use(f)
		break
	}
}
