package bad

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// get: http.Get sends through the default client.
func get(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends through http.DefaultClient, which has no timeout`
}

// post: same for http.Post.
func post(u string) (*http.Response, error) {
	return http.Post(u, "text/plain", strings.NewReader("x")) // want `http.Post sends through http.DefaultClient`
}

// head: same for http.Head.
func head(u string) (*http.Response, error) {
	return http.Head(u) // want `http.Head sends through http.DefaultClient`
}

// postForm: same for http.PostForm.
func postForm(u string) (*http.Response, error) {
	return http.PostForm(u, url.Values{}) // want `http.PostForm sends through http.DefaultClient`
}

// defaultClientDo: calling Do on http.DefaultClient.
func defaultClientDo(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `http.DefaultClient.Do sends through http.DefaultClient`
}

// emptyClient: a client literal without Timeout.
func emptyClient() *http.Client {
	return &http.Client{} // want `http.Client without Timeout`
}

// clientWithJarOnly: other fields do not bound the request.
func clientWithJarOnly(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar} // want `http.Client without Timeout`
}

// valueClient: a client value literal, same problem.
func valueClient(req *http.Request) (*http.Response, error) {
	c := http.Client{} // want `http.Client without Timeout`
	return c.Do(req)
}

// newRequestIgnoresCtx: the function has a context the request drops.
func newRequestIgnoresCtx(ctx context.Context, c *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil) // want `http.NewRequest ignores ctx`
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// closureIgnoresCtx: a closure inside a function with a context.
func closureIgnoresCtx(ctx context.Context, u string) func() (*http.Request, error) {
	return func() (*http.Request, error) {
		return http.NewRequest(http.MethodGet, u, nil) // want `http.NewRequest ignores ctx`
	}
}

type cache struct {
	req    *http.Request
	client *http.Client
}

// cachedRequestSentBare: the request kept in a field is sent without the
// context the function has.
func (c *cache) cachedRequestSentBare(ctx context.Context, u string) (*http.Response, error) {
	if c.req == nil {
		req, err := http.NewRequest(http.MethodGet, u, nil) // want `http.NewRequest ignores ctx`
		if err != nil {
			return nil, err
		}
		c.req = req
	}
	return c.client.Do(c.req)
}

// clientInFieldNeverConfigured: the literal goes into a field, and what is
// set through the field later is not a timeout.
func (c *cache) clientInFieldNeverConfigured() {
	c.client = &http.Client{} // want `http.Client without Timeout`
	c.client.CheckRedirect = nil
}
