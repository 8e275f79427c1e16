package bad

import (
	"io"
	"net/http"
)

// Trust follows the route, not the package: this package bounds one
// route, and the handlers on its other routes are still reported.

func smallUpload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // bounded by MaxBytesHandler on its only route
	_ = data
}

// bigUpload is registered beside a bounded handler, on no bound itself.
func bigUpload(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	_ = data
}

func mixedRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/small", http.MaxBytesHandler(http.HandlerFunc(smallUpload), 1<<20))
	mux.HandleFunc("/big", bigUpload)
	return mux
}

// twoRoutes is served behind the bound on one route and without it on
// another.
func twoRoutes(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	_ = data
}

func registerTwice(mux *http.ServeMux) {
	mux.Handle("/a", http.MaxBytesHandler(http.HandlerFunc(twoRoutes), 1<<20))
	mux.HandleFunc("/b", twoRoutes)
}

// boundOnSomePaths bounds the body only when a header asks for it: the
// handler it wraps is not always bounded.
func boundOnSomePaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Limit") != "" {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		}
		next.ServeHTTP(w, r)
	})
}

func behindPartialBound(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	_ = data
}

func partialRoutes() http.Handler {
	return boundOnSomePaths(http.HandlerFunc(behindPartialBound))
}

// An api mux behind a bound and an admin mux served bare: a handler on
// the admin mux is reported.
func adminImport(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	_ = data
}

func apiCreate(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	_ = data
}

func serveBoth() {
	api := http.NewServeMux()
	api.HandleFunc("/create", apiCreate)
	admin := http.NewServeMux()
	admin.HandleFunc("/import", adminImport)
	go http.ListenAndServe(":8080", http.MaxBytesHandler(api, 1<<20))
	go http.ListenAndServe(":8081", admin)
}
