package bad

import "net/http"

// Doer is the usual seam for an HTTP client in tests: an interface that
// takes a request and returns (*http.Response, error) is a round trip.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// doerNeverClosed: the response of the seam is owned like Do's (was
// pending/missed).
func doerNeverClosed(d Doer, req *http.Request) (int, error) {
	resp, err := d.Do(req) // want `body of resp from d.Do`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
