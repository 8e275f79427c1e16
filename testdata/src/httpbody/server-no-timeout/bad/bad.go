package bad

import (
	"context"
	"net"
	"net/http"
	"time"
)

// literalServed: the usual shape: a server literal with an address and a
// handler, served at once (modelled on the servers gitea, autobrr and
// nginx-prometheus-exporter fixed by adding ReadHeaderTimeout:
// go-gitea/gitea#38878, autobrr/autobrr#946,
// nginx/nginx-prometheus-exporter#283).
func literalServed(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `served by ListenAndServe \(line 17\) with neither ReadHeaderTimeout nor ReadTimeout`
	return srv.ListenAndServe()
}

// valueServer: a server held by value.
func valueServer(h http.Handler) error {
	srv := http.Server{Addr: ":8443", Handler: h} // want `served by ListenAndServeTLS`
	return srv.ListenAndServeTLS("cert.pem", "key.pem")
}

// writeTimeoutOnly: WriteTimeout and IdleTimeout bound the response and
// the idle keep-alive, not the reading of the request headers.
func writeTimeoutOnly(l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute} // want `served by Serve`
	return srv.Serve(l)
}

// inGoroutine: served by a goroutine that captured it, shut down later.
func inGoroutine(ctx context.Context, h http.Handler) {
	srv := &http.Server{Addr: ":9090", Handler: h} // want `served by ListenAndServe`
	go func() {
		_ = srv.ListenAndServe()
	}()
	<-ctx.Done()
	_ = srv.Shutdown(context.Background())
}

type daemon struct {
	http *http.Server
	ln   net.Listener
}

// newDaemon stores the server in a field; start serves it from there
// (modelled on the admin servers of metric exporters that gosec's G112
// cannot follow through the struct).
func newDaemon(ln net.Listener, h http.Handler) *daemon {
	return &daemon{ln: ln, http: &http.Server{Handler: h}} // want `served by Serve`
}

func (d *daemon) start() error { return d.http.Serve(d.ln) }

// serveHelper: served by a helper of the package.
func helperServed(h http.Handler) error {
	srv := &http.Server{Addr: ":7070", Handler: h} // want `served by ListenAndServe`
	return run(srv)
}

func run(s *http.Server) error { return s.ListenAndServe() }

// methodValue: the serving method handed on as a value.
func methodValue(h http.Handler, start func(func() error)) {
	srv := &http.Server{Addr: ":7071", Handler: h} // want `served by ListenAndServe`
	start(srv.ListenAndServe)
}

// publicListener: a TCP listener on every interface.
func publicListener(h http.Handler) error {
	ln, err := net.Listen("tcp", ":8081")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want `served by Serve`
	return srv.Serve(ln)
}

// packageListenAndServe: http.ListenAndServe serves a zero http.Server.
func packageListenAndServe(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe serves with a zero http.Server`
}

// packageServe: so does http.Serve, on a listener of unknown address.
func packageServe(ln net.Listener, h http.Handler) error {
	return http.Serve(ln, h) // want `http.Serve serves with a zero http.Server`
}

// packageTLS: and http.ListenAndServeTLS, on an address from the caller.
func packageTLS(addr string, h http.Handler) error {
	return http.ListenAndServeTLS(addr, "cert.pem", "key.pem", h) // want `http.ListenAndServeTLS serves with a zero http.Server`
}

type engine struct{ routes http.Handler }

func (e *engine) ServeHTTP(w http.ResponseWriter, r *http.Request) { e.routes.ServeHTTP(w, r) }

// runListener: a framework's convenience method serving the engine on the
// caller's listener; every application that calls it inherits a server
// with no header timeout (modelled on gin-gonic/gin#4800, which gave
// gin's Run, RunTLS and RunListener a default ReadHeaderTimeout).
func (e *engine) runListener(ln net.Listener) error {
	server := &http.Server{Handler: e} // want `served by Serve`
	return server.Serve(ln)
}
