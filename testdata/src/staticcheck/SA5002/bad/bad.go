// Package bad holds loops SA5002 reports.
package bad

// spinForever parks the caller in an empty loop that burns a CPU.
func spinForever() {
	for { // want `this loop will spin, using 100% CPU`
	}
}
