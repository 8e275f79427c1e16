// Package falsepositive holds httpbody cases the rules report wrongly; the
// tests do not run this directory. Each case says why.
package falsepositive

import (
	"errors"
	"net/http"
)

var errUnavailable = errors.New("service unavailable")

// translate maps transport errors to the package's own; nil stays nil.
func translate(err error) error {
	if err == nil {
		return nil
	}
	return errUnavailable
}

// translatedError: reported because the error that is checked is not the
// one Do returned: translate(err) is not known to be nil exactly when err
// is, so the err != nil path seems to owe the close.
func translatedError(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err := translate(err); err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
