package good

import (
	"context"
	"net"
	"net/http"
	"time"
)

// deadlineCtx: http.DefaultClient, but the request's context has a
// deadline, so the request cannot hang past it.
func deadlineCtx(u string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

type ctxKey struct{}

// derivedDeadline: a context derived from one with a deadline keeps it;
// it is attached with WithContext.
func derivedDeadline(parent context.Context, req *http.Request) (int, error) {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
	defer cancel()
	ctx = context.WithValue(ctx, ctxKey{}, "trace")
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// transportClient: a constructor whose client's Transport carries dial
// and response-header timeouts.
type api struct{ hc *http.Client }

func newAPI() *api {
	return &api{hc: &http.Client{Transport: &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ResponseHeaderTimeout: 10 * time.Second,
	}}}
}

// loopWithContext: requests in a loop built with the function's context.
func loopWithContext(ctx context.Context, c *http.Client, urls []string) error {
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}
