// Package routes checks BoundedRoutes: a handler's request body is
// bounded when every route to it bounds it first (a bounding middleware
// on the way to where it is served, or a caller that bounds r.Body), and
// UnboundedReads, the reads a handler makes with no bound of its own.
package routes

import (
	"encoding/json"
	"io"
	"net/http"
)

// keep uses what it is given (a read whose bytes are dropped is a drain).
func keep([]byte, error) {}

// viaMux is registered on a mux served behind http.MaxBytesHandler.
func viaMux(w http.ResponseWriter, r *http.Request) { // want `^handler, routes bounded$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

// viaBareMux is registered on a mux served as it is.
func viaBareMux(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

func serveMuxes() {
	bounded := http.NewServeMux()
	bounded.HandleFunc("/a", viaMux)
	http.ListenAndServe(":8080", http.MaxBytesHandler(bounded, 1<<20))

	bare := http.NewServeMux()
	bare.HandleFunc("/b", viaBareMux)
	http.ListenAndServe(":8081", bare)
}

// inServer is served by an http.Server whose Handler is bounded.
func inServer(w http.ResponseWriter, r *http.Request) { // want `^handler, routes bounded$`
	json.NewDecoder(r.Body).Decode(new(int)) // want `^unbounded read of r$`
}

// inBareServer is served by an http.Server whose Handler is not.
func inBareServer(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	json.NewDecoder(r.Body).Decode(new(int)) // want `^unbounded read of r$`
}

func servers() {
	mux := http.NewServeMux()
	mux.HandleFunc("/c", inServer)
	s := &http.Server{Addr: ":8082", Handler: http.MaxBytesHandler(mux, 1<<20)}
	s.ListenAndServe()

	bare := http.NewServeMux()
	bare.HandleFunc("/d", inBareServer)
	s2 := &http.Server{Addr: ":8083", Handler: bare}
	s2.ListenAndServe()
}

// limit is a project middleware that bounds what it wraps.
func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `^handler$`
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

// wrapped is behind the project middleware.
func wrapped(w http.ResponseWriter, r *http.Request) { // want `^handler, routes bounded$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

func serveWrapped() {
	http.ListenAndServe(":8084", limit(http.HandlerFunc(wrapped)))
}

// twoRoutes is bounded on one route and not on the other: unbounded.
func twoRoutes(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

func serveTwice() {
	http.ListenAndServe(":8085", http.MaxBytesHandler(http.HandlerFunc(twoRoutes), 1<<20))
	http.ListenAndServe(":8086", http.HandlerFunc(twoRoutes))
}

// called is only called by a handler that bounds the body first.
func called(w http.ResponseWriter, r *http.Request) { // want `^handler, routes bounded$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

// dispatch bounds r.Body and then calls the sub-handler; its own route
// is unknown (it is exported to no one here), and the sub-handler's read
// is the sub-handler's, not the dispatcher's.
func dispatch(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	called(w, r)
}

// Exported may be served anywhere: its routes are out of sight.
func Exported(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

// selfBounded assigns its own body: none of its reads is unbounded.
func selfBounded(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	keep(io.ReadAll(r.Body))
}

// streams copies the body somewhere that is not memory: not unbounded.
func streams(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	io.Copy(w, r.Body)
}

// decode reads the body of the request it is handed.
func decode(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v) // want `^unbounded read of r$`
}

// throughHelper reads through a helper of this package.
func throughHelper(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	decode(r, new(int)) // want `^unbounded read of r$`
}

// typed is an http.Handler served behind http.MaxBytesHandler.
type typed struct{}

func (typed) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want `^handler, routes bounded$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

func serveTyped() {
	http.ListenAndServe(":8087", http.MaxBytesHandler(typed{}, 1<<20))
}

// viaHelper is registered through a helper that only adds routes.
func viaHelper(w http.ResponseWriter, r *http.Request) { // want `^handler, routes bounded$`
	keep(io.ReadAll(r.Body)) // want `^unbounded read of r$`
}

func register(mux *http.ServeMux, h http.HandlerFunc) { mux.HandleFunc("/h", h) }

func serveViaHelper() {
	mux := http.NewServeMux()
	register(mux, viaHelper)
	http.ListenAndServe(":8088", http.MaxBytesHandler(mux, 1<<20))
}
