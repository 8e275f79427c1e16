package bad

import (
	"io"
	"net/http"
	"time"
)

// getJSON is a wrapper of the wrapper get (bad.go): it returns a new
// response too.
func getJSON(c *http.Client, url string) (*http.Response, error) {
	resp, err := get(c, url)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get("Content-Type") == "" {
		resp.Header.Set("Content-Type", "application/json")
	}
	return resp, nil
}

// wrapperOfWrapper: ownership travels through two wrappers by facts.
func wrapperOfWrapper(c *http.Client, url string) (string, error) {
	resp, err := getJSON(c, url) // want `body of resp from getJSON`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Content-Type"), nil
}

// funcLiteralLeaks: a function literal leaks like any function.
func funcLiteralLeaks(c *http.Client, urls []string) map[string]int {
	status := func(u string) (int, error) {
		resp, err := c.Get(u) // want `body of resp from c.Get`
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}
	out := map[string]int{}
	for _, u := range urls {
		if code, err := status(u); err == nil {
			out[u] = code
		}
	}
	return out
}

// ifInitScope: the response declared in the if's init goes out of scope
// unclosed.
func ifInitScope(c *http.Client, url string) int64 {
	var n int64 = -1
	if resp, err := c.Head(url); err == nil { // want `body of resp from c.Head`
		n = resp.ContentLength
	}
	return n
}

// probe is a local record of a response.
type probe struct {
	resp *http.Response
	at   time.Time
}

// localStructNotReturned: a local struct holding the response dies with
// the function; nobody closes the body.
func localStructNotReturned(c *http.Client, url string) (int, time.Time, error) {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return 0, time.Time{}, err
	}
	p := probe{resp: resp, at: time.Now()}
	return p.resp.StatusCode, p.at, nil
}

// drainedNotClosed: draining keeps the connection reusable only if the
// body is closed too; a deferred drain alone leaks it.
func drainedNotClosed(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `body of resp from c.Do`
	if err != nil {
		return 0, err
	}
	defer io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// notModifiedEarlyReturn: the 304 shortcut returns before the deferred
// Close.
func notModifiedEarlyReturn(c *http.Client, req *http.Request, cached []byte) ([]byte, error) {
	resp, err := c.Do(req) // want `body of resp from c.Do`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return cached, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
