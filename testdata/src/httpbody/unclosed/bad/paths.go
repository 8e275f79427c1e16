package bad

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"

	"httpbody/unclosed/helper"
)

// closedOnlyOnSuccess: Close sits inside the 200 branch; any other status
// returns with the body open (bodyclose passes it: a Close exists).
func closedOnlyOnSuccess(c *http.Client, req *http.Request, out any) error {
	resp, err := c.Do(req) // want `body of resp from c.Do \(line 22\) is not closed on the path returning at line 30`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return fmt.Errorf("unexpected status %s", resp.Status)
}

// readErrorSkipsClose: the explicit Close after the read is skipped when
// the read fails.
func readErrorSkipsClose(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `body of resp from http.Get \(line 36\) is not closed on the path returning at line 42`
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return body, nil
}

// decodeErrorSkipsClose: same with a JSON decode whose error returns
// first.
func decodeErrorSkipsClose(c *http.Client, url string, out any) error {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("decode %s: %w", url, err)
	}
	return resp.Body.Close()
}

// switchDefaultLeaks: every case but the default closes.
func switchDefaultLeaks(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `body of resp from c.Do`
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusCreated:
		resp.Body.Close()
		return nil
	case http.StatusNotFound:
		resp.Body.Close()
		return errors.New("not found")
	default:
		return fmt.Errorf("status %d", resp.StatusCode)
	}
}

// discardedDo: the response of Do is thrown away.
func discardedDo(c *http.Client, req *http.Request) error {
	_, err := c.Do(req) // want `the response from c.Do \(line 81\) is discarded`
	return err
}

// discardedPost: a fire-and-forget webhook still owes the body's Close.
func discardedPost(hook string, payload string) error {
	_, err := http.Post(hook, "application/json", strings.NewReader(payload)) // want `the response from http.Post \(line 87\) is discarded`
	return err
}

// postFormStatusOnly: only the status is looked at.
func postFormStatusOnly(endpoint string, form url.Values) (bool, error) {
	resp, err := http.PostForm(endpoint, form) // want `body of resp from http.PostForm`
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// headContentLength: a HEAD probe that never closes.
func headContentLength(c *http.Client, url string) (int64, error) {
	resp, err := c.Head(url) // want `body of resp from c.Head`
	if err != nil {
		return 0, err
	}
	return resp.ContentLength, nil
}

// contentTypeEarlyReturn: the content-type check returns before the
// deferred Close is registered.
func contentTypeEarlyReturn(c *http.Client, url string, out any) error {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return err
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return fmt.Errorf("unexpected content type %q", ct)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// checkedByHelperBeforeClose: StatusError only looks at the response, so
// its error path leaves the body open.
func checkedByHelperBeforeClose(c *http.Client, url string, out any) error {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return err
	}
	if err := helper.StatusError(resp); err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// wrapperInOtherPackage: helper.Get returns a new response (a fact from
// another package) that is never closed.
func wrapperInOtherPackage(c *http.Client, url string) (string, error) {
	resp, err := helper.Get(c, url) // want `body of resp from helper.Get`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

type apiClient struct {
	hc   *http.Client
	base string
}

// do is the client's own wrapper: it returns the response to the caller.
func (a *apiClient) do(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

// methodWrapperLeaks: a method wrapper's response is the caller's to
// close, and Delete never does.
func (a *apiClient) Delete(ctx context.Context, id string) error {
	resp, err := a.do(ctx, http.MethodDelete, "/items/"+id) // want `body of resp from a.do`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("delete %s: %s", id, resp.Status)
	}
	return nil
}

// reassigned: the first response is overwritten by the second, which is
// the only one closed.
func reassigned(c *http.Client, primary, fallback string) ([]byte, error) {
	resp, err := c.Get(primary) // want `body of resp from c.Get`
	if err != nil || resp.StatusCode != http.StatusOK {
		resp, err = c.Get(fallback)
		if err != nil {
			return nil, err
		}
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// redirectWrapperLeaks: a wrapper that returns a response still owes the
// one it drops: the 303 response is replaced by the next request's
// (bodyclose skips every function returning *http.Response).
func redirectWrapperLeaks(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusSeeOther {
		return c.Get(resp.Header.Get("Location"))
	}
	return resp, nil
}

// pollBreaks: the loop closes each pending response but not the one it
// breaks out with.
func pollBreaks(ctx context.Context, c *http.Client, url string) error {
	for {
		resp, err := c.Get(url) // want `body of resp from c.Get`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			break
		}
		resp.Body.Close()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return nil
}

// scannerNeverCloses: a line-by-line read of a streamed body.
func scannerNeverCloses(c *http.Client, url string) ([]string, error) {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return nil, err
	}
	var lines []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

// limitedReadNeverCloses: bounding the read does not close the body.
func limitedReadNeverCloses(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// defaultTransport: a RoundTrip straight on http.DefaultTransport.
func defaultTransport(req *http.Request) (http.Header, error) {
	resp, err := http.DefaultTransport.RoundTrip(req) // want `body of resp from http.DefaultTransport.RoundTrip`
	if err != nil {
		return nil, err
	}
	return resp.Header, nil
}

// concreteTransport: RoundTrip on a *http.Transport.
func concreteTransport(tr *http.Transport, req *http.Request) (int, error) {
	resp, err := tr.RoundTrip(req) // want `body of resp from tr.RoundTrip`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// closedOnlyOnError: the body is closed in the error branch (where there
// is nothing to close) but not on success.
func closedOnlyOnError(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // want `body of resp from c.Do`
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return "", err
	}
	return resp.Header.Get("Location"), nil
}

// withTimeoutLeaks: the context's cancel is deferred, the body is not.
func withTimeoutLeaks(ctx context.Context, c *http.Client, url string) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req) // want `body of resp from c.Do`
	if err != nil {
		return false, err
	}
	return resp.StatusCode < 300, nil
}

// loggedNotClosed: logging the status is not closing.
func loggedNotClosed(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return err
	}
	log.Printf("GET %s: %s", url, resp.Status)
	return nil
}

// refusedUpgrade: the function checks for 101 Switching Protocols, but the
// response of a refused upgrade is never closed (the upgrade path owes
// nothing; this one does).
func refusedUpgrade(rt http.RoundTripper, req *http.Request) (io.ReadWriteCloser, error) {
	resp, err := rt.RoundTrip(req) // want `body of resp from rt.RoundTrip \(line \d+\) is not closed on the path returning`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return nil, errors.New(resp.Status)
	}
	rwc, _ := resp.Body.(io.ReadWriteCloser)
	return rwc, nil
}
