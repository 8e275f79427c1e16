package main

import (
	"flag"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

var debugAddr = flag.String("debug-addr", ":6060", "")

func main() {
	flag.Parse()
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)

	// The public server has a mux of its own.
	go http.ListenAndServe(":8080", mux)
	pub := &http.Server{Addr: ":8081", Handler: mux, ReadHeaderTimeout: time.Second}
	go pub.ListenAndServe()

	// The default mux on loopback only: the recommended way to run the
	// profiler (modelled on influxdb's cmd/influxd, which serves it on
	// localhost:6060).
	go http.ListenAndServe("localhost:6060", nil)
	dbg := &http.Server{Addr: "127.0.0.1:6061", ReadHeaderTimeout: time.Second}
	go dbg.ListenAndServe()

	// An address from a flag: where it listens is the operator's choice,
	// unknown here.
	go http.ListenAndServe(*debugAddr, nil)

	// A unix socket.
	if ln, err := net.Listen("unix", "/run/app/debug.sock"); err == nil {
		go http.Serve(ln, nil)
	}
}
