// Package use checks that Handling facts cross packages: helpers of dep
// count as what they do.
package use

import (
	"io"
	"net/http"

	"handlers/facts/dep"
)

// Decode reads the body through dep's decoder.
func Decode(r *http.Request) { // want Decode:`readsAll=\[0\],`
	var v struct{}
	dep.DecodeJSON(r, &v)
}

// Respond writes through dep's encoder.
func Respond(w http.ResponseWriter) { // want Respond:`writes=\[0\],`
	dep.WriteJSON(w, 1)
}

// Wrap bounds through dep's middleware.
func Wrap(h http.Handler) http.Handler { // want Wrap:`bounds=\[0\],`
	return dep.Limit(h)
}

// Routes registers through dep's registering helper.
func Routes(mux *http.ServeMux) { // want Routes:`registers=\[0\],`
	dep.AddRoutes(mux)
}

// Get reads through dep's parser, and checks through dep.Checked.
func Get(a, b *http.Response) { // want Get:`readsResponse=\[0 1\], checksStatus=\[1\]\)$`
	var v struct{}
	dep.Parse(a, &v)
	dep.Checked(b, &v)
}

// Stream copies to a file through dep: no unbounded read, no fact.
func Stream(r *http.Request) {
	dep.CopyToFile(nil, r.Body)
	_ = io.EOF
}
