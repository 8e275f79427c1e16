package good

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

type svcAPI struct {
	hc   *http.Client
	base string
}

// get checks the status itself, through a helper, before it hands the
// response out: its callers may read the body.
func (a *svcAPI) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if err := expectOK(resp); err != nil {
		return nil, err
	}
	return resp, nil
}

func expectOK(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

func (a *svcAPI) version(ctx context.Context) (string, error) {
	resp, err := a.get(ctx, "/version")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// raw passes the response through, and its caller checks the status.
func (a *svcAPI) raw(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

func (a *svcAPI) health(ctx context.Context) (string, error) {
	resp, err := a.raw(ctx, "/health")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("health: %s", resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
