// Package helper is a project's request-decoding helpers in another
// package: its facts say which ones read the body without a bound.
package helper

import (
	"encoding/json"
	"io"
	"net/http"
)

// DecodeJSON decodes the whole request body: unbounded.
func DecodeJSON(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

// ReadBody reads a reader to the end: unbounded.
func ReadBody(body io.Reader) ([]byte, error) {
	return io.ReadAll(body)
}

// DecodeLimited bounds the body before decoding it.
func DecodeLimited(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	return json.NewDecoder(r.Body).Decode(v)
}

// Limit is a project middleware in another package: it bounds the body
// before calling the handler it wraps, which its facts say.
func Limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}
