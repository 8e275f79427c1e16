package good

import (
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A constant cannot be malformed.
var epoch, _ = time.Parse(time.RFC3339, "2000-01-01T00:00:00Z")

// Nor can a constant URL.
func defaultURL() *url.URL {
	u, _ := url.Parse("http://localhost:2379")
	return u
}

// The error is checked: the bad input is reported.
func limit(r *http.Request) (int, error) {
	n, err := strconv.Atoi(r.FormValue("limit"))
	if err != nil {
		return 0, err
	}
	return n, nil
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// A regexp admitted only digits: the parse cannot fail (except on
// overflow, which the pattern's caller bounds).
func validatedPort(s string) int {
	if !digits.MatchString(s) {
		return 0
	}
	n, _ := strconv.Atoi(s)
	return n
}

var fileName = regexp.MustCompile(`^(\d+)-(\d+)\.log$`)

// The parsed pieces are a regexp's submatches: digits by construction.
func logIndex(name string) (int, int) {
	m := fileName.FindStringSubmatch(name)
	if m == nil {
		return 0, 0
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	return a, b
}

// A prior checked parse of the same value proves it well formed.
func twice(s string) (int64, error) {
	if _, err := strconv.ParseInt(s, 10, 64); err != nil {
		return 0, err
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	return n, nil
}

// Zero is the explicit "not set": the value is only compared with a
// constant before use (syncthing's STLOCKTHRESHOLD shape).
func threshold() time.Duration {
	if n, _ := strconv.Atoi(os.Getenv("LOCK_THRESHOLD")); n > 0 {
		return 100 * time.Millisecond
	}
	return 0
}

// The parsed value is never used: nothing is replaced.
func probe(s string) {
	_, _ = strconv.Atoi(s)
}

// A field of a configuration struct: nothing says it is unchecked (it may
// have been validated when the configuration was loaded).
type config struct{ Port string }

func (c *config) port() int {
	p, _ := strconv.Atoi(c.Port)
	return p
}

// A value another function computed: its own contract.
func version() int {
	v, _ := strconv.Atoi(strings.TrimPrefix(buildVersion(), "v"))
	return v
}

func buildVersion() string { return "v1" }

// A lenient conversion with no error result: zero on bad input is its
// documented contract, and its callers chose it (caddy's WeakString.Int).
type weakString string

// Int returns ws as an integer, or 0 if it is not one.
func (ws weakString) Int() int {
	n, _ := strconv.Atoi(string(ws))
	return n
}

// The value is checked against a bound before any use: a limit that is
// not a positive number means "no limit" (caddy's browse template).
func applyLimit(items []string, r *http.Request) []string {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit > 0 && limit <= len(items) {
		items = items[:limit]
	}
	return items
}

// The path of a URL parsed from a constant is no outside input.
func basePathDepth() int {
	u, err := url.Parse("http://localhost/3")
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(u.Path, "/"))
	return n
}

// A comment on the line says why the error does not matter
// (net/http/cgi's REMOTE_PORT).
func remotePort(params map[string]string) (int, error) {
	port, _ := strconv.Atoi(params["REMOTE_PORT"]) // zero if unset or invalid
	return port, nil
}

// Or on the line above.
func retries() int {
	// Unset or malformed means no retries.
	n, _ := strconv.Atoi(os.Getenv("RETRIES"))
	return n
}

// A bool tested by an if: on only when it says true, like `n > 0`
// (internal/testenv's GO_BUILDER_FLAKY_NET).
func skipFlaky() bool {
	if v, _ := strconv.ParseBool(os.Getenv("FLAKY_NET")); v {
		return true
	}
	return false
}

// The header is parsed only where the value it replaces is already zero:
// a failed parse leaves the zero it had (caddy's fastcgi transport, a
// false positive on the corpus: net/http has already rejected a malformed
// Content-Length).
func contentLength(r *http.Request) int64 {
	n := r.ContentLength
	if n == 0 {
		n, _ = strconv.ParseInt(r.Header.Get("Content-Length"), 10, 64)
	}
	return n
}
