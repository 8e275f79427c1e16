package good

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

type remoteReader struct {
	client  *http.Client
	url     string
	timeout time.Duration
}

// send is a helper with more results than (v, err): the response, the
// cancel func of its context and the start time. It returns a nil
// response whenever its error is not nil.
func (r *remoteReader) send(ctx context.Context, body io.Reader) (*http.Response, context.CancelFunc, time.Time, error) {
	req, err := http.NewRequest(http.MethodPost, r.url, body)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	start := time.Now()
	resp, err := r.client.Do(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, nil, time.Time{}, err
	}
	return resp, cancel, start, nil
}

// multiResultHelperErrorPath: the (v, err) convention holds through a
// helper with four results: on its err != nil path there is no response
// to close (modelled on prometheus storage/remote/client.go ReadMultiple).
func (r *remoteReader) multiResultHelperErrorPath(ctx context.Context, body io.Reader) (time.Duration, error) {
	resp, cancel, start, err := r.send(ctx, body)
	if err != nil {
		return 0, err
	}
	return r.finish(resp, cancel, start)
}

// finish owns the response and the cancel func.
func (r *remoteReader) finish(resp *http.Response, cancel context.CancelFunc, start time.Time) (time.Duration, error) {
	defer cancel()
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, errors.New(resp.Status)
	}
	return time.Since(start), nil
}
