package good

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"

	"errorlog/facts/logger"
)

var errUnavailable = errors.New("unavailable")

// Logged, and a different error (not a wrap) is returned: the detail stays
// in this log, the caller gets a public sentinel.
func load(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Printf("load %s: %v", name, err)
		return nil, errUnavailable
	}
	return b, nil
}

// Returned with context, not logged.
func save(name string, b []byte) error {
	if err := os.WriteFile(name, b, 0o600); err != nil {
		return fmt.Errorf("save %s: %w", name, err)
	}
	return nil
}

// Logged and handled: the loop moves on.
func removeAll(names []string) {
	for _, n := range names {
		if err := os.Remove(n); err != nil {
			log.Printf("remove %s: %v", n, err)
			continue
		}
	}
}

// A helper that stores the error does not log it.
func remember(name string) error {
	if err := os.Remove(name); err != nil {
		logger.Remember(err)
		return err
	}
	return nil
}

// A log line without the error, then the error returned: not logged twice.
func trace(name string) error {
	if err := os.Remove(name); err != nil {
		log.Printf("remove %s failed, returning", name)
		return err
	}
	return nil
}

// Logged in one branch, returned in another path.
func twoBranches(name string, verbose bool) error {
	err := os.Remove(name)
	if verbose {
		log.Println("removed", name)
	}
	if err != nil {
		return err
	}
	return nil
}

// Another error is logged; this one is returned.
func other(name string, prev error) error {
	if err := os.Remove(name); err != nil {
		log.Println("previous failure:", prev)
		return err
	}
	return nil
}

// Logged, then nil returned: handled here (that is swallowed's business).
func handled(name string) error {
	if err := os.Remove(name); err != nil {
		log.Println(err)
		return nil
	}
	return nil
}

// Returned on one path, logged on the other (modelled on raft's test
// cluster: propagate or fail).
func either(name string, propagate bool) error {
	if err := os.Remove(name); err != nil {
		if propagate {
			return fmt.Errorf("remove: %w", err)
		}
		log.Fatalf("remove: %v", err)
	}
	return nil
}

// A retry loop logs each failed attempt and continues; the error returned
// after the loop is another attempt's (modelled on net/http's Serve).
func acceptLoop(next func() error) error {
	for i := 0; ; i++ {
		if err := next(); err != nil {
			if i < 3 {
				log.Printf("attempt %d: %v; retrying", i, err)
				continue
			}
			return err
		}
		return nil
	}
}

// A gRPC-style handler logs the failure and returns it to the remote
// client: the server has no other record of it, and no caller in the
// analysed code logs it again (modelled on etcd's Downgrade handler).
type maintenance struct{ lg *log.Logger }

func (m *maintenance) Downgrade(name string) (string, error) {
	if err := os.Remove(name); err != nil {
		m.lg.Printf("downgrade failed: %v", err)
		return "", err
	}
	return name, nil
}

// An HTTP handler's helper logs and returns; the handler writes the error
// to the client and does not log it again (modelled on jaeger's
// collector SubmitBatches under its HTTP handler).
func submit(name string) error {
	if err := os.WriteFile(name, nil, 0o600); err != nil {
		log.Printf("submit %s: %v", name, err)
		return fmt.Errorf("submit: %w", err)
	}
	return nil
}

func serveSubmit(w http.ResponseWriter, r *http.Request) {
	if err := submit(r.URL.Path); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// The caller retries without logging.
func submitWithRetry(name string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = submit(name); err == nil {
			return nil
		}
	}
	return err
}

// The callee logged the detail and returned a sentinel: the caller's log
// of the sentinel is the first log of that error.
func useLoad() {
	if _, err := load("a"); err != nil {
		log.Printf("load: %v", err)
	}
}

// The caller logs its own, later failure, not the callee's error.
func useSubmit(name string) {
	if err := submit(name); err != nil {
		if err2 := os.Remove(name); err2 != nil {
			log.Printf("cleanup: %v", err2)
		}
	}
}
