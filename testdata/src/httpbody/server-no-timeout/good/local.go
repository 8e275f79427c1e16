package good

import (
	"flag"
	"net"
	"net/http"
	"strconv"
)

var listenAddr = flag.String("addr", "127.0.0.1:8080", "http service address")

// loopbackJoined: a loopback host joined to a port number is still a
// loopback address (modelled on grpc's benchmark/worker, which serves its
// profiler on "localhost:"+port).
func loopbackJoined(port int) {
	go http.ListenAndServe("localhost:"+strconv.Itoa(port), nil)
	srv := &http.Server{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port+1))}
	go srv.ListenAndServe()
}

// loopbackFlagDefault: the program listens on loopback unless its operator
// widens the flag (modelled on gorilla/websocket's examples/command).
func loopbackFlagDefault(h http.Handler) error {
	return http.ListenAndServe(*listenAddr, h)
}

// loopbackLocalFlag: the same with a flag registered in the function.
func loopbackLocalFlag(h http.Handler) error {
	addr := flag.String("debug-addr", "localhost:6060", "")
	flag.Parse()
	return http.ListenAndServe(*addr, h)
}

var bindAddr string

func init() {
	flag.StringVar(&bindAddr, "bind", "[::1]:9000", "")
}

// loopbackStringVar: a flag registered with StringVar, default loopback.
func loopbackStringVar(h http.Handler) error {
	srv := &http.Server{Addr: bindAddr, Handler: h}
	return srv.ListenAndServe()
}
