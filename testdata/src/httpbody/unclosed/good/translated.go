package good

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

// translatedError: the error checked is translate(err), not Do's err;
// translate's summary says its result is nil exactly when its argument
// is, so its non-nil path is Do's failure and owes no close (was
// pending/false-positive).
func translatedError(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err := translate(err); err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
