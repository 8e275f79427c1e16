// Package good holds loops SA5002 must not report.
package good

// blockForever parks the caller without spinning: an empty select blocks.
func blockForever() {
	select {}
}

// serve loops forever but blocks on each receive.
func serve(reqs <-chan func()) {
	for {
		req := <-reqs
		req()
	}
}
