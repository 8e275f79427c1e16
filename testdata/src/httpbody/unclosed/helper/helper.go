// Package helper is a project's HTTP helper package, in another package
// than its callers: what its functions do to a response crosses the
// package boundary as facts.
package helper

import (
	"io"
	"net/http"
)

// DrainAndClose reads the rest of the body so the connection can be
// reused, then closes it.
func DrainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// CloseBody closes a body and drops the error.
func CloseBody(body io.Closer) {
	_ = body.Close()
}

// StatusError returns an error for a response whose status is not 2xx;
// it only looks at the response.
func StatusError(resp *http.Response) error {
	if resp.StatusCode/100 != 2 {
		return &Error{Code: resp.StatusCode}
	}
	return nil
}

// Error is an HTTP status error.
type Error struct{ Code int }

func (e *Error) Error() string { return http.StatusText(e.Code) }

// Get sends a GET with a client and returns the response to the caller,
// who owns it.
func Get(c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return c.Do(req)
}
