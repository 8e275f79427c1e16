package good

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

type result struct{ OK bool }

func load(r *http.Request) (result, error) { return result{}, nil }

// The error response is followed by a return.
func returns(w http.ResponseWriter, r *http.Request) {
	res, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(res)
}

// Error and success in the two branches of an if.
func ifElse(w http.ResponseWriter, r *http.Request) {
	if res, err := load(r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	} else {
		json.NewEncoder(w).Encode(res)
	}
}

// An error status followed by its error body.
func statusThenBody(w http.ResponseWriter, r *http.Request) {
	if _, err := load(r); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`{"error":"internal"}`))
		return
	}
	w.Write([]byte(`{"ok":true}`))
}

// Logging after the error, then a return.
func logThenReturn(w http.ResponseWriter, r *http.Request) {
	if _, err := load(r); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		log.Printf("load: %v", err)
		return
	}
	fmt.Fprint(w, "ok")
}

// The error is the last thing the handler does.
func lastThing(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, "")
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// Every case of the switch returns or writes once.
func switchReturns(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		fmt.Fprint(w, "get")
	case http.MethodPost:
		http.Error(w, "read only", http.StatusMethodNotAllowed)
	default:
		http.NotFound(w, r)
	}
}

// A success status with its body.
func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(result{OK: true})
}

// Flushing is not a second response.
func flushAfterError(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "gone", http.StatusGone)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// A panic after the error ends the handler.
func panics(w http.ResponseWriter, r *http.Request) {
	if _, err := load(r); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		panic(err)
	}
	w.Write([]byte("ok"))
}

// A helper that writes the error; the caller returns after it.
func fail(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

func viaFail(w http.ResponseWriter, r *http.Request) {
	res, err := load(r)
	if err != nil {
		fail(w, err)
		return
	}
	json.NewEncoder(w).Encode(res)
}

// Setting a header after the error writes nothing.
func headerAfter(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "teapot", http.StatusTeapot)
	w.Header().Set("X-Reason", "teapot")
}

// The error in a loop ends with a return.
func loopReturns(w http.ResponseWriter, r *http.Request) {
	for _, v := range r.URL.Query()["id"] {
		if v == "" {
			http.Error(w, "empty id", http.StatusBadRequest)
			return
		}
	}
	w.Write([]byte("ok"))
}
