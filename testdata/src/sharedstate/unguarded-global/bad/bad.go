// Package bad holds package-level state written concurrently without a
// lock.
package bad

import (
	"net/http"
	"sync"
)

var hits = map[string]int{}

// countHits: a handler updates a global map; concurrent requests crash
// the program with "concurrent map writes".
func countHits(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path] = hits[r.URL.Path] + 1 // want `package-level map hits is written in the HTTP handler countHits`
}

var requests int

// countRequests: a handler counter loses updates.
func countRequests(w http.ResponseWriter, r *http.Request) {
	requests++ // want `package-level counter requests is written in the HTTP handler countRequests`
}

var seen []string

// remember: a handler appends to a global slice.
func remember(w http.ResponseWriter, r *http.Request) {
	seen = append(seen, r.URL.Path) // want `package-level slice seen is written in the HTTP handler remember`
}

var sessions = map[string]string{}

type logout struct{}

// ServeHTTP: a handler method deletes from a global map.
func (logout) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	delete(sessions, r.Header.Get("Session")) // want `package-level map sessions is written in the HTTP handler ServeHTTP`
}

var bytesServed int64

// register: a handler closure adds to a global counter.
func register(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		bytesServed += r.ContentLength // want `package-level counter bytesServed is written in the HTTP handler closure in register`
	})
}

var mu sync.Mutex

var cache = map[string]string{}

// unlockedTooEarly: the lock is released before the write.
func unlockedTooEarly(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	v := cache[r.URL.Path]
	mu.Unlock()
	cache[r.URL.Path] = v + "!" // want `package-level map cache is written in the HTTP handler unlockedTooEarly`
}

var lastPath = map[string]string{}

func record(r *http.Request) {
	lastPath[r.RemoteAddr] = r.URL.Path // want `package-level map lastPath is written in record, called at line 70 from the HTTP handler track`
}

// track: the write happens in a helper the handler calls unlocked.
func track(w http.ResponseWriter, r *http.Request) {
	record(r)
}
