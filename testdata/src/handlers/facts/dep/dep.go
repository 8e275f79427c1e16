// Package dep checks the Handling facts the handlers engine exports: what
// a function does with the requests, readers, writers, handlers, routers
// and responses it is handed (parameters counted receiver first). A
// function that does none of it has no fact.
package dep

import (
	"bytes"
	"encoding/json"
	"html/template"
	"io"
	"net/http"
	"os"
	"strings"
)

// DecodeJSON reads the request body to EOF through a decoder.
func DecodeJSON(r *http.Request, v any) error { // want DecodeJSON:`^handling\(readsAll=\[0\], writes=\[\], bounds=\[\], registers=\[\], readsResponse=\[\], checksStatus=\[\]\)$`
	return json.NewDecoder(r.Body).Decode(v)
}

// ReadAll reads a reader to EOF.
func ReadAll(rd io.Reader) []byte { // want ReadAll:`readsAll=\[0\],`
	b, _ := io.ReadAll(rd)
	return b
}

// Slurp reads the body through a helper's fact.
func Slurp(r *http.Request) []byte { // want Slurp:`readsAll=\[0\],`
	return ReadAll(r.Body)
}

// CopyToMemory copies the reader into a buffer: unbounded.
func CopyToMemory(rd io.Reader) string { // want CopyToMemory:`readsAll=\[0\],`
	var sb strings.Builder
	io.Copy(&sb, rd)
	return sb.String()
}

// CopyToFile streams the reader to disk: memory is not at stake, no fact.
func CopyToFile(f *os.File, rd io.Reader) {
	io.Copy(f, rd)
}

// Bounded assigns the body itself before reading it: it manages its
// bound, so it reads nothing unbounded (and has no fact).
func Bounded(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	io.ReadAll(r.Body)
}

// FromBuffer reads through (*bytes.Buffer).ReadFrom, its argument 1.
func FromBuffer(rd io.Reader) { // want FromBuffer:`readsAll=\[0\],`
	var b bytes.Buffer
	b.ReadFrom(rd)
}

// Decoder is a method: its request is parameter 1.
type Decoder struct{}

func (Decoder) Decode(r *http.Request, v any) { // want Decode:`readsAll=\[1\],`
	json.NewDecoder(r.Body).Decode(v)
}

// WriteJSON writes to its writer through an encoder.
func WriteJSON(w io.Writer, v any) { // want WriteJSON:`^handling\(readsAll=\[\], writes=\[0\], bounds=\[\]`
	json.NewEncoder(w).Encode(v)
}

// Render writes through a template.
func Render(t *template.Template, w http.ResponseWriter) { // want Render:`writes=\[1\],`
	t.Execute(w, nil)
}

// Hello writes to the response writer directly.
func Hello(w http.ResponseWriter, _ *http.Request) { // want Hello:`writes=\[0\],`
	w.Write([]byte("hello"))
}

// OnlyHeader sets a header and writes nothing: no fact.
func OnlyHeader(w http.ResponseWriter) {
	w.Header().Set("X", "y")
}

// Limit bounds the body of the handler it wraps with the standard
// middleware.
func Limit(next http.Handler) http.Handler { // want Limit:`bounds=\[0\],`
	return http.MaxBytesHandler(next, 1<<20)
}

// LimitFunc bounds r.Body in its closure before calling the next handler.
func LimitFunc(next http.HandlerFunc) http.HandlerFunc { // want LimitFunc:`bounds=\[0\],`
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next(w, r)
	}
}

// LateLimit bounds the body only after the next handler ran: no bound.
func LateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	})
}

// MaybeLimit bounds under a condition: a configured limit counts.
func MaybeLimit(next http.Handler, max int64) http.Handler { // want MaybeLimit:`bounds=\[0\],`
	if max > 0 {
		next = http.MaxBytesHandler(next, max)
	}
	return next
}

// AddRoutes only registers on the router it is handed.
func AddRoutes(mux *http.ServeMux) { // want AddRoutes:`registers=\[0\],`
	mux.HandleFunc("/hello", Hello)
}

// AddMore registers through a helper that only registers.
func AddMore(mux *http.ServeMux) { // want AddMore:`registers=\[0\],`
	AddRoutes(mux)
	mux.HandleFunc("/more", Hello)
}

var kept *http.ServeMux

// Keep hands the router on (stores it): it does more than register.
func Keep(mux *http.ServeMux) {
	mux.HandleFunc("/kept", Hello)
	kept = mux
}

// Parse decodes a response body without a look at its status.
func Parse(resp *http.Response, v any) error { // want Parse:`readsResponse=\[0\], checksStatus=\[\]\)$`
	return json.NewDecoder(resp.Body).Decode(v)
}

// Checked looks at the status before decoding.
func Checked(resp *http.Response, v any) error { // want Checked:`readsResponse=\[0\], checksStatus=\[0\]\)$`
	if resp.StatusCode != http.StatusOK {
		return io.EOF
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Drain empties the body into io.Discard, as a caller would before
// reusing the connection: not a read for its content, no fact.
func Drain(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// Keeps stores the response: someone else may look at its status.
var last *http.Response

func Keeps(resp *http.Response) { // want Keeps:`readsResponse=\[\], checksStatus=\[0\]\)$`
	last = resp
}

// Recurse reads on one branch and recurses on the other: recursion adds
// nothing, the read is still seen.
func Recurse(rd io.Reader, n int) { // want Recurse:`readsAll=\[0\],`
	if n > 0 {
		Recurse(rd, n-1)
		return
	}
	io.ReadAll(rd)
}
