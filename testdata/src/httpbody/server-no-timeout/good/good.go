package good

import (
	"context"
	"flag"
	"net"
	"net/http"
	"time"
)

// readHeaderTimeout: the fix.
func readHeaderTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

// readTimeout: ReadTimeout bounds the headers too (and the body).
func readTimeout(l net.Listener, h http.Handler) error {
	srv := http.Server{Handler: h, ReadTimeout: time.Minute}
	return srv.Serve(l)
}

// setAfter: the timeout assigned after the literal.
func setAfter(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv.ListenAndServe()
}

type config struct {
	Addr          string
	HeaderTimeout time.Duration
}

// fromConfig: the timeout comes from the configuration; the rule cannot
// know its value and does not guess.
func fromConfig(cfg config, h http.Handler) error {
	srv := &http.Server{Addr: cfg.Addr, Handler: h, ReadHeaderTimeout: cfg.HeaderTimeout}
	return srv.ListenAndServe()
}

// fromFlag: the timeout's address handed to the flag package, which sets
// it.
func fromFlag(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	flag.DurationVar(&srv.ReadHeaderTimeout, "read-header-timeout", 10*time.Second, "")
	flag.Parse()
	return srv.ListenAndServe()
}

// applyTimeouts is the project's helper that configures its servers.
func applyTimeouts(s *http.Server) {
	s.ReadHeaderTimeout = 5 * time.Second
	s.WriteTimeout = time.Minute
}

// viaHelper: the timeouts set by a helper of the package.
func viaHelper(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	applyTimeouts(srv)
	return srv.ListenAndServe()
}

// viaConfigurer: the server handed to a function value before serving:
// it may set the timeouts, the rule cannot see.
func viaConfigurer(h http.Handler, configure func(*http.Server)) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	configure(srv)
	return srv.ListenAndServe()
}

// base is a constructor whose callers finish the server (modelled on
// open-telemetry/opentelemetry-collector#5699, where G112 flagged
// confighttp's server constructor).
func base(h http.Handler) *http.Server {
	return &http.Server{Handler: h}
}

// callerSetsTimeout: the caller of the constructor sets the timeout.
func callerSetsTimeout(l net.Listener, h http.Handler) error {
	srv := base(h)
	srv.ReadTimeout = 30 * time.Second
	return srv.Serve(l)
}

// NewServer is exported: its importers serve (and configure) it, out of
// sight.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h}
}

// neverServed: built and shut down, never served here.
func neverServed(h http.Handler) *http.Server {
	srv := &http.Server{Handler: h}
	_ = srv.Shutdown(context.Background())
	return nil
}

type service struct {
	srv *http.Server
}

// newService builds the server into a field; setTimeouts configures it
// through the field; start serves it.
func newService(h http.Handler) *service {
	return &service{srv: &http.Server{Handler: h}}
}

func (s *service) setTimeouts(d time.Duration) { s.srv.ReadHeaderTimeout = d }

func (s *service) start(l net.Listener) error { return s.srv.Serve(l) }

// embedded: a type embedding http.Server, configured through the
// promoted field.
type embedded struct {
	http.Server
	name string
}

func serveEmbedded(h http.Handler) error {
	e := &embedded{Server: http.Server{Addr: ":8080", Handler: h}, name: "api"}
	e.ReadHeaderTimeout = time.Second
	return e.ListenAndServe()
}

// unixSocket: a server on a unix socket is reached only through the file
// system, by local processes (gin's RunUnix, which gin-gonic/gin#4800
// did not change).
func unixSocket(path string, h http.Handler) error {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(ln)
}

// loopback: a debug server on a loopback address, reachable from this
// machine only (modelled on influxdb's localhost:6060 profiler).
func loopback() {
	go func() { _ = http.ListenAndServe("localhost:6060", nil) }()
	srv := &http.Server{Addr: "127.0.0.1:8081"}
	go srv.ListenAndServe()
}

// storedInSlice: servers kept in a slice are out of the rule's sight.
func storedInSlice(hs []http.Handler) {
	var servers []*http.Server
	for _, h := range hs {
		servers = append(servers, &http.Server{Handler: h})
	}
	for _, s := range servers {
		go s.ListenAndServe()
	}
}

// Exported servers may be configured by the importer before they serve.
type API struct {
	Server *http.Server
}

func NewAPI(h http.Handler) *API { return &API{Server: &http.Server{Handler: h}} }

func (a *API) Run() error { return a.Server.ListenAndServe() }
