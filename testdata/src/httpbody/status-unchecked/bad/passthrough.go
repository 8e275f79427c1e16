package bad

import (
	"context"
	"io"
	"net/http"
)

type api struct {
	hc   *http.Client
	base string
}

// get builds the request and returns net/http's response untouched: it
// never looks at the status, so its callers must.
func (a *api) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

// version reads the body of the pass-through wrapper's response without a
// look at the status: a 502 page from a proxy becomes the version string.
func (a *api) version(ctx context.Context) (string, error) {
	resp, err := a.get(ctx, "/version")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body) // want `body of resp from a.get \(line 27\) is read on a path that never looks at resp.StatusCode`
	return string(b), err
}
