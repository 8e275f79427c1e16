package good

import (
	"io"
	"net/http"

	"httpbody/unbounded-read/helper"
)

type queryAPI struct{}

// register puts a handler on the router it is given, through wrapping
// helpers (a project helper between the handler and the router).
func (a *queryAPI) register(router *http.ServeMux, h http.HandlerFunc, route string) {
	var handler http.Handler = h
	handler = tag(route, handler)
	router.HandleFunc(route, handler.ServeHTTP)
}

// tag is a wrapping middleware that does not bound anything.
func tag(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Route", route)
		next.ServeHTTP(w, r)
	})
}

func (a *queryAPI) routes(router *http.ServeMux) {
	a.register(router, a.transform, "/transform")
}

// transform: not reported. Its only route goes through a registration
// helper's parameter onto the router of routes, whose caller wraps the
// router and hands it to a server constructor in another package that
// bounds every body when a limit is configured (modelled on jaeger's
// cmd/query/app http_handler.go transformOTLP, served through confighttp's
// ServerConfig.ToServer, MaxRequestBodySize 20 MiB by default).
func (a *queryAPI) transform(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_ = body
}

func initRouter(a *queryAPI) http.Handler {
	router := http.NewServeMux()
	a.routes(router)
	var handler http.Handler = router
	handler = tag("/", handler)
	return handler
}

func newQueryServer(a *queryAPI, cfg *helper.ServerConfig) *http.Server {
	return cfg.ToServer(initRouter(a))
}

// limitedBodies bounds every body before the wrapped handler runs.
func limitedBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

// withLimits wraps a handler by a bounding middleware through a helper.
func withLimits(h http.Handler) http.Handler {
	return limitedBodies(h)
}

// ingest: not reported. Its one route wraps it in a helper that applies a
// bounding middleware.
func ingest(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_ = data
}

func ingestServer() *http.Server {
	mux := http.NewServeMux()
	mux.Handle("/ingest", withLimits(http.HandlerFunc(ingest)))
	return &http.Server{Handler: mux}
}
