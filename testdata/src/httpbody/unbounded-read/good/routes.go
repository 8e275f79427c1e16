package good

import (
	"encoding/json"
	"io"
	"net/http"

	"httpbody/unbounded-read/helper"
)

// Handlers whose every route bounds the body before they run.

// Registered only behind http.MaxBytesHandler.
func behindMaxBytesHandler(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_ = data
}

// A handler type served only behind http.MaxBytesHandler.
type importer struct{}

func (importer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// A closure registered on a mux that is served behind a project
// middleware from another package (its facts say it bounds the body).
func behindProjectMiddleware() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/notes", func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		_ = data
	})
	return helper.Limit(mux)
}

func boundedRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/raw", http.MaxBytesHandler(http.HandlerFunc(behindMaxBytesHandler), 1<<20))
	mux.Handle("/import", http.MaxBytesHandler(importer{}, 1<<20))
	return mux
}

// The only caller bounds the body before handing the request on.
func boundedByCaller(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_ = data
}

func dispatchBounded(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	boundedByCaller(w, r)
}

type api struct{ notes []string }

// A method value registered on a mux served behind http.MaxBytesHandler.
func (a *api) upload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	a.notes = append(a.notes, string(data))
}

func (a *api) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", a.upload)
	return http.MaxBytesHandler(mux, 1<<20)
}
