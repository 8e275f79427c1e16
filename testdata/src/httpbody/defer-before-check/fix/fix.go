// Package fix holds httpbody/defer-before-check cases with the fix that
// moves the defer after the error check; fix.go.golden has every fix
// applied. The last case has no fix (the check is a switch) and stays.
package fix

import (
	"io"
	"net/http"
)

// eager: the defer moves below the if.
func eager(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	defer resp.Body.Close() // want `deferred close of resp.Body`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// closure: the deferred closure moves as a whole (with a comment inside
// it there would be no fix: printing the syntax would drop it).
func closure(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	defer func() { _ = resp.Body.Close() }() // want `deferred close of resp.Body`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// inSwitch: no fix, the check is a switch case.
func inSwitch(c *http.Client, req *http.Request) (int, error) {
	res, err := c.Do(req)
	defer res.Body.Close() // want `deferred close of res.Body`
	switch {
	case err != nil:
		return 0, err
	}
	return res.StatusCode, nil
}
