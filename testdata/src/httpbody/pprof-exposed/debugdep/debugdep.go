// Package debugdep links the profiler for the program that imports it.
package debugdep

import _ "net/http/pprof"

// Enabled says the profiler is linked.
const Enabled = true
