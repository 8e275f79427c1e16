package good

import (
	"context"
	"net/http"
)

// doer is a client seam: a round trip.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

// doerClosed: the seam's response is closed.
func doerClosed(d doer, req *http.Request) (int, error) {
	resp, err := d.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// recorder hands back a response it already holds: no request, so not a
// round trip.
type recorder interface {
	Last() (*http.Response, error)
}

// lastStatus reads an existing response; closing it is its owner's job.
func lastStatus(r recorder) (int, error) {
	resp, err := r.Last()
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// bodyClient reads and closes the body for its caller and returns the
// bytes beside the response (prometheus's api.Client.Do shape).
type bodyClient interface {
	Do(context.Context, *http.Request) (*http.Response, []byte, error)
}

// bytesReturned: nothing is left open.
func bytesReturned(ctx context.Context, c bodyClient, req *http.Request) (int, []byte, error) {
	resp, body, err := c.Do(ctx, req)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, body, nil
}
