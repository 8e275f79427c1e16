package bad

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// statusEarlyReturn: closed only after the status check (ANCHOR-GAPS:
// bodyclose passes this because some Close exists).
func statusEarlyReturn(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `body of resp from c.Do \(line 13\) is not closed on the path returning at line 18`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

// neverClosed: the body is read and never closed.
func neverClosed(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `body of resp from http.Get`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// decodedNotClosed: decoding does not close the body.
func decodedNotClosed(url string, v any) error {
	resp, err := http.DefaultClient.Get(url) // want `body of resp from http.DefaultClient.Get`
	if err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// headDiscarded: even a HEAD response has a body to close.
func headDiscarded(url string) error {
	_, err := http.Head(url) // want `the response from http.Head \(line 44\) is discarded`
	return err
}

// roundTrip: a RoundTripper's response is the caller's too.
func roundTrip(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req) // want `body of resp from rt.RoundTrip`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// wrapperLeaks: a helper that returns a new response makes its caller the
// owner (facts), and the caller never closes it.
func wrapperLeaks(c *http.Client, url string) (int, error) {
	resp, err := get(c, url) // want `body of resp from get`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func get(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url)
}
