package good

import (
	"errors"
	"fmt"
	"net/http"
)

var errNotJSON = errors.New("not JSON")

// ownershipFlagResponse: the deferred closure closes the body unless the
// response was handed out, which the flag records just before.
func ownershipFlagResponse(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	if resp.Header.Get("Content-Type") != "application/json" {
		return nil, errNotJSON
	}
	ok = true
	return resp, nil
}

// closedOnNamedErrorResponse: closed when the named error is set, which
// every failing return does; the success return hands it out.
func closedOnNamedErrorResponse(c *http.Client, url string) (_ *http.Response, err error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode >= 300 {
		err = fmt.Errorf("GET %s: %s", url, resp.Status)
		return nil, err
	}
	return resp, nil
}
