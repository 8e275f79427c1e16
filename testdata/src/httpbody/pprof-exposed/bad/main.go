package main

import (
	"net"
	"net/http"
	_ "net/http/pprof"
)

func main() {
	http.HandleFunc("/metrics", metrics)
	// The default mux, with pprof's handlers on it, on every interface
	// (modelled on Altinity/clickhouse-operator#2017, where a review
	// caught a blank pprof import beside a metrics server on ":9999"
	// with a nil handler).
	go http.ListenAndServe(":9999", nil) // want `net/http/pprof \(imported by httpbody/pprof-exposed/bad\) registers /debug/pprof/ on http.DefaultServeMux, and ListenAndServe serves that mux on ":9999"`
	serveDefault()
	serveListener()
}

func metrics(w http.ResponseWriter, r *http.Request) {}

// serveDefault: a server without a Handler serves the default mux
// (modelled on prometheus/blackbox_exporter#1637: the exporter's
// http.Server{} had no Handler, so /debug/pprof/ shared the probe port).
func serveDefault() {
	srv := &http.Server{Addr: "0.0.0.0:9115"}
	go srv.ListenAndServe() // want `ListenAndServe serves that mux on "0.0.0.0:9115"`
}

// serveListener: http.DefaultServeMux named, on a TCP listener bound to
// every interface.
func serveListener() {
	ln, err := net.Listen("tcp", ":6060")
	if err != nil {
		return
	}
	go http.Serve(ln, http.DefaultServeMux) // want `Serve serves that mux on ":6060"`
}
