package bad

import (
	"fmt"
	"io"
	"net/http"
)

type client struct {
	hc    *http.Client
	token string
}

func (c *client) refresh() { c.token = "refreshed" }

// authRetryLeaks: the 401 response is dropped when the request is sent
// again with a fresh token.
func (c *client) authRetryLeaks(req *http.Request) ([]byte, error) {
	resp, err := c.hc.Do(req) // want `body of resp from c.hc.Do`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		c.refresh()
		return c.authRetryLeaks(req)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// goroutineLeaks: each probe goroutine leaks its response.
func goroutineLeaks(urls []string, codes chan<- int) {
	for _, u := range urls {
		go func() {
			resp, err := http.Get(u) // want `body of resp from http.Get`
			if err != nil {
				return
			}
			codes <- resp.StatusCode
		}()
	}
}

// cleanupNeverCalled: a cleanup func is built and never called.
func cleanupNeverCalled(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `body of resp from c.Get`
	if err != nil {
		return 0, err
	}
	cleanup := func() { resp.Body.Close() }
	_ = cleanup
	return resp.StatusCode, nil
}

// labeledBreakLeaks: the response that ends the search is left open by
// the labelled break.
func labeledBreakLeaks(c *http.Client, groups [][]string) (string, error) {
	var found string
outer:
	for _, g := range groups {
		for _, u := range g {
			resp, err := c.Head(u) // want `body of resp from c.Head`
			if err != nil {
				continue
			}
			if resp.StatusCode == http.StatusOK {
				found = u
				break outer
			}
			resp.Body.Close()
		}
	}
	return found, nil
}

// annotate wraps any error, nil included: its result is never nil.
func annotate(err error) error { return fmt.Errorf("fetch: %v", err) }

// alwaysWrapped: the error checked is never nil, even when Do succeeded,
// so the success path returns with the body open (unlike translate in
// good/translated.go, annotate does not keep nil as nil).
func alwaysWrapped(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `body of resp from c.Do`
	if err := annotate(err); err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
