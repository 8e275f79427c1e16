package bad

import (
	"context"
	"net/http"
)

// tequila is a client type whose constructor builds its http.Client.
type tequila struct{ hc *http.Client }

// newTequila: mysteriumnetwork/node#386, a client constructor that built
// its http.Client with no timeout, so every later call through it could
// hang forever; the finding is where the client is built, not where it is
// used.
func newTequila() *tequila {
	return &tequila{hc: &http.Client{}} // want `http.Client without Timeout`
}

// status is the later use, in another function.
func (t *tequila) status(u string) (int, error) {
	resp, err := t.hc.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// pollAll: a request built with http.NewRequest inside a loop, in a
// function that has a context to give it.
func pollAll(ctx context.Context, c *http.Client, urls []string) error {
	for _, u := range urls {
		req, err := http.NewRequest(http.MethodGet, u, nil) // want `http.NewRequest ignores ctx: .* use http.NewRequestWithContext\(ctx, ...\)`
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

// backgroundCtx: google/safebrowsing#35, http.DefaultClient with no
// timeout; a context that has no deadline does not bound the request
// either.
func backgroundCtx(u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `http.DefaultClient.Do sends through http.DefaultClient`
}

// newPlain: alfg/blockchain#4, a constructor that returns a client with
// a zero Timeout; its one caller uses it as is.
func newPlain() *http.Client {
	return &http.Client{} // want `http.Client without Timeout`
}

func fetchPlain(u string) (int, error) {
	resp, err := newPlain().Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
