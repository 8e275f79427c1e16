// Package bad holds httpbody/defer-before-check cases: the body's close is
// deferred before the request's error is tested, so a failed request
// panics on a nil response.
package bad

import (
	"io"
	"net/http"
)

// eagerDefer: coreos/coreos-cloudinit#115 and getconversio/go-shopify#9
// both fixed a defer of the body's Close placed right after the call, above
// the error check: the defer loads resp.Body from a nil resp.
func eagerDefer(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	defer resp.Body.Close() // want `deferred close of resp.Body is evaluated before the error of c.Get \(line 15\) is checked`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// deferredClosure: open-feature/flagd#79, a deferred closure that closes
// the body (dropping Close's error) with no nil test: it runs on the error
// path's return and panics there.
func deferredClosure(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	defer func() { _ = resp.Body.Close() }() // want `deferred close of resp.Body is evaluated before the error of c.Do`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// combinedCheck: fnproject/cli#653, the error and the status tested in
// one condition after the defer (the status test would panic too).
func combinedCheck(url string) ([]byte, error) {
	resp, err := http.Get(url)
	defer resp.Body.Close() // want `deferred close of resp.Body is evaluated before the error of http.Get`
	if err != nil || resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	return io.ReadAll(resp.Body)
}

// beforeSwitch: the check is a switch case after the defer.
func beforeSwitch(c *http.Client, req *http.Request) (int, error) {
	res, err := c.Do(req)
	defer res.Body.Close() // want `deferred close of res.Body is evaluated before the error of c.Do`
	switch {
	case err != nil:
		return 0, err
	case res.StatusCode >= 500:
		return res.StatusCode, io.ErrUnexpectedEOF
	}
	return res.StatusCode, nil
}
