package good

import (
	"io"
	"net/http"
)

// grid is a project's own router, recognised by the handler types its
// methods take.
type grid struct{ m map[string]http.Handler }

func (g *grid) On(path string, h http.Handler) { g.m[path] = h }

// capBody bounds the body of what it wraps.
func capBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

// echoCapped is registered behind capBody on the project's router.
func echoCapped(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// cappedStore is a handler type served only behind capBody.
type cappedStore struct{}

func (cappedStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

// inWrappedMux is registered on a mux that is itself served behind the
// bound.
func inWrappedMux(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	w.Write(data)
}

func gridRoutes(g *grid) http.Handler {
	g.On("/echo", capBody(http.HandlerFunc(echoCapped)))
	http.Handle("/store", capBody(cappedStore{}))
	mux := http.NewServeMux()
	mux.HandleFunc("/inner", inWrappedMux)
	return capBody(mux)
}
