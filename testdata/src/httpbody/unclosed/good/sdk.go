package good

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// closedOnFailureReturnedOnSuccess: a deferred closure closes the body
// when the function fails; on success the caller gets the response. The
// response is kept in its own variable, which "return nil, err" does not
// clear (compare bad/conddefer.go namedResultClearedBeforeDeferredClose).
func closedOnFailureReturnedOnSuccess(c *http.Client, req *http.Request) (_ *http.Response, err error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

// maybeGzipped: the body may be wrapped by a gzip reader; the deferred
// Close of resp.Body releases it either way.
func maybeGzipped(c *http.Client, req *http.Request, out any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return err
		}
		defer zr.Close()
		r = zr
	}
	return json.NewDecoder(r).Decode(out)
}

// parseError decodes an API error from a body.
func parseError(r io.Reader) error {
	var e struct{ Message string }
	if err := json.NewDecoder(r).Decode(&e); err != nil {
		return err
	}
	return fmt.Errorf("api: %s", e.Message)
}

// errorParsedThenClosed: accepted statuses return the response, the
// others are parsed into an error and closed.
func errorParsedThenClosed(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusPartialContent:
		return resp, nil
	default:
		defer resp.Body.Close()
		return nil, parseError(resp.Body)
	}
}

// watcher streams events from a long-lived response it keeps.
type watcher struct{ resp *http.Response }

// keptByReceiver: the accepted response is stored for the watcher's
// lifetime, the rejected one closed.
func (w *watcher) keptByReceiver(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return fmt.Errorf("watch: %s", resp.Status)
	}
	w.resp = resp
	return nil
}
