package main

import "net/http"

// main serves the default mux on every interface, but nothing in the
// program links net/http/pprof: no profiler is exposed.
func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", nil)
}
