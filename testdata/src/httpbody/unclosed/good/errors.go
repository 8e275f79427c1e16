package good

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// timeoutRetried: a successful type assertion on err means err is not
// nil, so the retried path owes nothing.
func timeoutRetried(c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Do(req)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			return nil, err
		}
		return resp, nil
	}
	return nil, fmt.Errorf("%s: timed out 3 times", req.URL)
}

// urlErrorSwitch: a type switch on the error; every non-nil case owes
// nothing.
func urlErrorSwitch(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	switch e := err.(type) {
	case nil:
	case *url.Error:
		return 0, fmt.Errorf("%s %s: %w", e.Op, e.URL, e.Err)
	default:
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// methodSwitch: one of two acquisitions, then one deferred Close.
func methodSwitch(c *http.Client, method, u string, body io.Reader) ([]byte, error) {
	var resp *http.Response
	var err error
	switch method {
	case http.MethodGet:
		resp, err = c.Get(u)
	case http.MethodPost:
		resp, err = c.Post(u, "application/octet-stream", body)
	default:
		return nil, fmt.Errorf("method %s", method)
	}
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
