package fix

import (
	"encoding/json"
	"net/http"
)

func load(r *http.Request) (int, error) { return 0, nil }

// The fix adds the missing return after the error.
func missingReturn(w http.ResponseWriter, r *http.Request) {
	res, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `goes on to write again`
	}
	json.NewEncoder(w).Encode(res)
}

// In a switch case too.
func inSwitch(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed) // want `goes on to write again`
	}
	w.Write([]byte("done"))
}

// Not the last statement of its block: no fix (the return would make the
// log line unreachable).
func notLast(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed) // want `goes on to write again`
		println("rejected")
	}
	w.Write([]byte("done"))
}
