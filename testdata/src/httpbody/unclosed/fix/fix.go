// Package fix holds httpbody/unclosed cases with a suggested fix (defer
// resp.Body.Close() after the error check); fix.go.golden is the file with
// every fix applied. Cases at the end are reported without a fix (the body
// is closed on some path already, or the response is discarded or
// acquired in a loop) and stay unchanged in the golden file.
package fix

import (
	"encoding/json"
	"io"
	"net/http"
)

// readNoClose: defer resp.Body.Close() goes after the error check.
func readNoClose(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url) // want `body of resp from c\.Get`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// decodeNoClose: the error check wraps the error first.
func decodeNoClose(c *http.Client, req *http.Request, out any) error {
	res, err := c.Do(req) // want `body of res from c\.Do`
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return json.NewDecoder(res.Body).Decode(out)
}

// closedOnOnePath: Close already exists on one path; a second deferred
// Close is not offered.
func closedOnOnePath(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `body of resp from c\.Get`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return resp.Body.Close()
}

// discarded: there is no name to close; no fix.
func discarded(c *http.Client, url string) error {
	_, err := c.Head(url) // want `the response from c\.Head`
	return err
}
