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

// ServerConfig builds servers; it bounds request bodies when a limit is
// configured (modelled on confighttp.ServerConfig.ToServer).
type ServerConfig struct {
	MaxRequestBodySize int64
	Middlewares        []func(http.Handler) (http.Handler, error)
}

// ToServer wraps the handler in the configured middlewares, a bound on
// the body, and serves it.
func (sc *ServerConfig) ToServer(handler http.Handler) *http.Server {
	if sc.MaxRequestBodySize <= 0 {
		sc.MaxRequestBodySize = 20 << 20
	}
	for i := len(sc.Middlewares) - 1; i >= 0; i-- {
		h, err := sc.Middlewares[i](handler)
		if err != nil {
			return nil
		}
		handler = h
	}
	if sc.MaxRequestBodySize > 0 {
		handler = bodyLimit(handler, sc.MaxRequestBodySize)
	}
	return &http.Server{Handler: &infoHandler{next: handler}}
}

type infoHandler struct{ next http.Handler }

func (h *infoHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.next.ServeHTTP(w, r) }

func bodyLimit(next http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
