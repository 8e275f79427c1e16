package bad

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
)

type result struct{ OK bool }

func load(r *http.Request) (result, error) { return result{}, nil }

// http.Error with no return, then the success body.
func missingReturn(w http.ResponseWriter, r *http.Request) {
	res, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `http.Error writes an error response, but the handler goes on to write again at line [0-9]+ \(json.NewEncoder\)`
	}
	json.NewEncoder(w).Encode(res)
}

// Then w.Write.
func thenWrite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed) // want `goes on to write again at line [0-9]+ \(w.Write\)`
	}
	w.Write([]byte("ok"))
}

// Then fmt.Fprintf (a write through the facts of fmt).
func thenFprintf(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		http.Error(w, "name required", http.StatusBadRequest) // want `goes on to write again at line [0-9]+ \(fmt.Fprintf\)`
	}
	fmt.Fprintf(w, "hello %s", name)
}

var page = template.Must(template.New("p").Parse("{{.}}"))

// http.NotFound then a template.
func notFound(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r) // want `http.NotFound writes an error response`
	}
	page.Execute(w, r.URL.Path)
}

// An error status, then a second status line.
func twoStatuses(w http.ResponseWriter, r *http.Request) {
	if _, err := load(r); err != nil {
		w.WriteHeader(http.StatusBadRequest) // want `WriteHeader writes an error response, but the handler goes on to write again at line [0-9]+ \(w.WriteHeader\)`
	}
	w.WriteHeader(http.StatusOK)
}

// Errors inside a switch case fall out of the switch.
func inSwitch(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed) // want `goes on to write again`
	}
	io.WriteString(w, "done")
}

// A helper of the project that writes JSON (its summary says it writes to w).
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	res, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway) // want `goes on to write again at line [0-9]+ \(writeJSON\)`
	}
	writeJSON(w, res)
}

// A validation loop: the error does not stop the loop nor the handler.
func inLoop(w http.ResponseWriter, r *http.Request) {
	for _, v := range r.URL.Query()["id"] {
		if v == "" {
			http.Error(w, "empty id", http.StatusBadRequest) // want `goes on to write again`
			continue
		}
	}
	w.Write([]byte("ok"))
}

type server struct{}

// A ServeHTTP method.
func (server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `goes on to write again`
	}
	fmt.Fprintln(w, r.Form)
}

// An error followed by a redirect.
func thenRedirect(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("token") == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized) // want `goes on to write again at line [0-9]+ \(http.Redirect\)`
	}
	http.Redirect(w, r, "/home", http.StatusFound)
}

// An error logged after the response, and still no return.
func loggedNoReturn(w http.ResponseWriter, r *http.Request) {
	err := errors.New("boom")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `goes on to write again`
		fmt.Println("failed:", err)
	}
	w.Write(nil)
}
