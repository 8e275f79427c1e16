package bad

import (
	"fmt"
	"net/http"
)

// conditionalDeferredClose: the deferred closure closes unless keep is
// set, and with keep set the response goes nowhere.
func conditionalDeferredClose(c *http.Client, url string, keep bool) (int, error) {
	resp, err := c.Get(url) // want `body of resp from c\.Get \(line 11\) is not closed on the path returning at line 20; the deferred func at line 15 releases it on other paths only`
	if err != nil {
		return 0, err
	}
	defer func() {
		if !keep {
			resp.Body.Close()
		}
	}()
	return resp.StatusCode, nil // leaks here
}

// handedOutFlagWithoutHandingOut: the flag says the caller owns the
// response, but only its status is returned.
func handedOutFlagWithoutHandingOut(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `body of resp from c\.Do .* returning at line 39`
	if err != nil {
		return 0, err
	}
	handedOut := false
	defer func() {
		if !handedOut {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode == http.StatusOK {
		handedOut = true
	}
	return resp.StatusCode, nil // leaks here
}

// namedResultClearedBeforeDeferredClose: "return nil, err" sets the named
// result resp to nil before the deferred closure runs: the closure's
// resp.Body panics, and the response's body stays open.
func namedResultClearedBeforeDeferredClose(c *http.Client, req *http.Request) (resp *http.Response, err error) {
	resp, err = c.Do(req) // want `body of resp from c\.Do \(line 46\) is not closed on the path returning at line 56; resp is nil when the deferred func at line 50 runs`
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("status %d", resp.StatusCode) // leaks here
	}
	return resp, nil
}
