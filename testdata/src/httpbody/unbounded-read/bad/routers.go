package bad

import (
	"io"
	"net/http"
)

// table is a project's own router: it is recognised by the handler
// types its methods take, not by its name or its methods' names.
type table struct{ m map[string]http.Handler }

func (t *table) On(path string, h http.Handler) { t.m[path] = h }

func (t *table) OnFunc(path string, h func(http.ResponseWriter, *http.Request)) {
	t.m[path] = http.HandlerFunc(h)
}

// echoBody reads the whole body with no limit; it is registered bare on
// the project's router.
func echoBody(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	w.Write(data)
}

// rawStore is a handler type whose ServeHTTP buffers the body.
type rawStore struct{}

func (rawStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	w.Write(data)
}

func tableRoutes(t *table) {
	t.OnFunc("/echo", echoBody)
	http.Handle("/raw", rawStore{})
}
