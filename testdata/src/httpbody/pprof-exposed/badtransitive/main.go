package main

import (
	"net/http"

	"httpbody/pprof-exposed/debugdep"
)

// main serves the default mux; pprof came in with a dependency, whose
// init registered the handlers all the same.
func main() {
	_ = debugdep.Enabled
	srv := http.Server{}
	srv.ListenAndServe() // want `net/http/pprof \(imported by httpbody/pprof-exposed/debugdep\) registers /debug/pprof/ on http.DefaultServeMux, and ListenAndServe serves that mux on ":http"`
}
