package good

import (
	"context"
	"net"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

// withTimeout: a client with Timeout.
func withTimeout(u string) (*http.Response, error) {
	return client.Get(u)
}

// timeoutSetLater: Timeout assigned after the literal.
func timeoutSetLater() *http.Client {
	c := &http.Client{}
	c.Timeout = time.Minute
	return c
}

// customTransport: a transport may carry deadlines; left alone.
func customTransport() *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ResponseHeaderTimeout: 10 * time.Second,
	}}
}

// withContext: the request carries the caller's context.
func withContext(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

// contextAddedLater: WithContext after NewRequest.
func contextAddedLater(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req.WithContext(ctx))
}

// noContextInScope: NewRequest where no context exists is not this rule's
// business (there is nothing to pass).
func noContextInScope(u string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, u, nil)
}

// customClientDo: Do on a configured client.
func customClientDo(req *http.Request) (*http.Response, error) {
	return client.Do(req)
}

// serverSide: handlers do not send requests.
func serverSide(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// timeoutInLiteral: a value literal with Timeout.
func timeoutInLiteral(req *http.Request) (*http.Response, error) {
	c := http.Client{Timeout: time.Second}
	return c.Do(req)
}

// blankContext: a context parameter named _ cannot be passed.
func blankContext(_ context.Context, u string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, u, nil)
}

type apiClient struct{ hc *http.Client }

// Do attaches the context itself, like prometheus's API client.
func (c *apiClient) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
	return c.hc.Do(req.WithContext(ctx))
}

// contextBesideRequest: the context travels with the request to a client
// that attaches it (prometheus/client_golang's api; found on the bench
// corpus).
func contextBesideRequest(ctx context.Context, c *apiClient, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(ctx, req)
}

// copiedClient: a copy of a configured client is not a new client
// (vault/api's client cloning; found on the bench corpus).
func copiedClient(configured *http.Client) *http.Client {
	c := *configured
	return &c
}
