// Package good holds package-level state written safely.
package good

import (
	"net/http"
	"sync"
	"sync/atomic"
)

var (
	mu   sync.Mutex
	hits = map[string]int{}
)

// locked: the write holds the mutex.
func locked(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	hits[r.URL.Path]++
	mu.Unlock()
}

// deferred: the write holds the mutex until the deferred unlock.
func deferred(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	hits[r.URL.Path]++
}

func lockHits()   { mu.Lock() }
func unlockHits() { mu.Unlock() }

// throughHelpers: the lock is taken by package helpers.
func throughHelpers(w http.ResponseWriter, r *http.Request) {
	lockHits()
	hits[r.URL.Path] = 0
	unlockHits()
}

var requests atomic.Int64
var legacy int64

// atomics: counters updated atomically.
func atomics(w http.ResponseWriter, r *http.Request) {
	requests.Add(1)
	atomic.AddInt64(&legacy, 1)
}

var (
	once     sync.Once
	registry map[string]string
)

// onceInit: the map is built inside sync.Once.Do.
func onceInit(w http.ResponseWriter, r *http.Request) {
	once.Do(func() {
		registry = map[string]string{}
		registry["a"] = "b"
	})
	_, _ = w.Write([]byte(registry[r.URL.Path]))
}

var defaults = map[string]int{}

// init fills a global before anything runs concurrently.
func init() {
	defaults["a"] = 1
}

// readOnly: the handler only reads the global.
func readOnly(w http.ResponseWriter, r *http.Request) {
	_ = defaults[r.URL.Path]
}

// localMap: a map local to the request.
func localMap(w http.ResponseWriter, r *http.Request) {
	m := map[string]int{}
	m[r.URL.Path]++
	_ = m
}

var store sync.Map

// syncMap: sync.Map is safe for concurrent use.
func syncMap(w http.ResponseWriter, r *http.Request) {
	store.Store(r.URL.Path, 1)
}

var audit []string

func appendAudit(s string) { audit = append(audit, s) }

// helperUnderLock: the helper that appends is called with the lock held.
func helperUnderLock(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	appendAudit(r.URL.Path)
	mu.Unlock()
}
