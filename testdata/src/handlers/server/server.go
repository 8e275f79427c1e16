// Package server checks what counts as a handler (IsHandler), the error
// responses of a handler's writer (ErrorWrites) and the write that may
// follow one (NextWrite). The test reporter says "handler" for each
// handler, and at each error response what it is and what comes next.
package server

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
)

// plain is the shape of an http.HandlerFunc.
func plain(w http.ResponseWriter, r *http.Request) {} // want `^handler$`

type srv struct{}

// method is a handler as a method: the receiver does not count.
func (srv) method(w http.ResponseWriter, r *http.Request) {} // want `^handler$`

// extra has more parameters than a HandlerFunc, in another order: still
// a handler (a router's func(ctx, w, r) signature).
func extra(ctx context.Context, r *http.Request, w http.ResponseWriter) {} // want `^handler$`

// RW is an alias: the same type.
type RW = http.ResponseWriter

func aliased(w RW, r *http.Request) {} // want `^handler$`

// myWriter is a defined type, not a ResponseWriter: not a handler.
type myWriter http.ResponseWriter

func defined(w myWriter, r *http.Request) {}

// writerOnly takes an io.Writer: not a handler.
func writerOnly(w io.Writer, r *http.Request) {}

// requestValue takes a Request, not a pointer: not a handler.
func requestValue(w http.ResponseWriter, r http.Request) {}

// closures are handlers too.
func withClosure() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {} // want `^handler$`
}

// errorThenWrite writes a body after the error on the fall-through path.
func errorThenWrite(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	if r.URL == nil {
		http.Error(w, "no url", http.StatusBadRequest) // want `^error response; next write \+2 lines on$`
	}
	w.Write([]byte("ok"))
}

// errorThenReturn returns after the error: nothing follows.
func errorThenReturn(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	if r.URL == nil {
		http.NotFound(w, r) // want `^error response; no next write$`
		return
	}
	w.Write([]byte("ok"))
}

// errorThenFatal stops the process after the error: nothing follows.
func errorThenFatal(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	http.Error(w, "fatal", http.StatusInternalServerError) // want `^error response; no next write$`
	log.Fatal("stopping")
	w.Write([]byte("never"))
}

// statusThenBody writes an error status and then its body: a body after
// a bare status is not a second response.
func statusThenBody(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	w.WriteHeader(http.StatusInternalServerError) // want `^error status; no next write$`
	w.Write([]byte("internal error"))
}

// statusThenStatus writes a second status line.
func statusThenStatus(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	w.WriteHeader(500) // want `^error status; next write \+1 lines on$`
	w.WriteHeader(http.StatusOK)
}

// okStatus and variable statuses are not error responses.
func okStatus(w http.ResponseWriter, r *http.Request, code int) { // want `^handler$`
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(code)
}

// errorThenEncode writes through an encoder, which keeps the writer.
func errorThenEncode(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	if r.Body == nil {
		http.Error(w, "no body", 400) // want `^error response; next write \+2 lines on$`
	}
	json.NewEncoder(w).Encode(1)
}

// writeJSON is a helper whose fact says it writes to w.
func writeJSON(w http.ResponseWriter, v any) { json.NewEncoder(w).Encode(v) }

// errorThenHelper writes through the helper.
func errorThenHelper(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	if r.Body == nil {
		http.Error(w, "no body", 400) // want `^error response; next write \+2 lines on$`
	}
	writeJSON(w, 1)
}

// errorThenRedirect redirects after the error: a second response.
func errorThenRedirect(w http.ResponseWriter, r *http.Request) { // want `^handler$`
	if r.Body == nil {
		http.Error(w, "no body", 400) // want `^error response; next write \+2 lines on$`
	}
	http.Redirect(w, r, "/", http.StatusFound)
}

// errorInLoop writes an error each time round a loop: the same write,
// reached again along the back edge, is not a write after it.
func errorInLoop(w http.ResponseWriter, r *http.Request, n int) { // want `^handler$`
	for i := 0; i < n; i++ {
		http.Error(w, "again", 400) // want `^error response; no next write$`
	}
}

// otherWriter writes the error to one writer and the body to another.
func otherWriter(w http.ResponseWriter, r *http.Request, log io.Writer) { // want `^handler$`
	http.Error(w, "bad", 400) // want `^error response; no next write$`
	log.Write([]byte("bad request"))
}
