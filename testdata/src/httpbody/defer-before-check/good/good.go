// Package good holds httpbody/defer-before-check hard negatives: defers
// that never load the body of a nil response.
package good

import (
	"io"
	"net/http"
)

// afterCheck: the documented order.
func afterCheck(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// closureTestsNil: the deferred closure tests resp before touching its
// body, so it is safe on the error path (Albert-Zhan/httpc#1 discusses
// this form).
func closureTestsNil(c *http.Client, url string) error {
	resp, err := c.Get(url)
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// guardedByNilTest: the defer sits under a test of resp itself.
func guardedByNilTest(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// switchCheck: the error is tested in a switch, and the defer follows it.
func switchCheck(c *http.Client, req *http.Request) (int, error) {
	res, err := c.Do(req)
	switch {
	case err != nil:
		return 0, err
	}
	defer res.Body.Close()
	return res.StatusCode, nil
}

// closeHelper tests for a nil response itself.
func closeHelper(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
}

// helperTestsNil: the deferred helper receives the response (possibly
// nil) and tests it; nothing is loaded when the defer runs.
func helperTestsNil(c *http.Client, url string) error {
	resp, err := c.Get(url)
	defer closeHelper(resp)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// errorIgnoredEntirely: never tested, so there is no check to move the
// defer after (an ignored error is another finding's business).
func errorIgnoredEntirely(c *http.Client, url string) int {
	resp, _ := c.Get(url)
	defer resp.Body.Close()
	return resp.StatusCode
}
