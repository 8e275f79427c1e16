package good

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"

	"httpbody/unclosed/helper"
)

// closedByHelperInOtherPackage: helper.CloseBody closes what it is given
// (a fact from another package).
func closedByHelperInOtherPackage(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer helper.CloseBody(resp.Body)
	return json.NewDecoder(resp.Body).Decode(out)
}

// drainedByHelperInOtherPackage: the whole response goes to a helper of
// another package that drains and closes it.
func drainedByHelperInOtherPackage(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer helper.DrainAndClose(resp)
	return resp.StatusCode, nil
}

// closedInEverySwitchCase: no defer, but each case closes.
func closedInEverySwitchCase(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusNoContent:
		resp.Body.Close()
		return nil
	case http.StatusNotFound:
		resp.Body.Close()
		return errors.New("not found")
	default:
		resp.Body.Close()
		return fmt.Errorf("status %d", resp.StatusCode)
	}
}

// closedAfterRetryLoop: each rejected attempt is drained and closed
// before the next; the accepted one is closed by the defer after the loop.
func closedAfterRetryLoop(c *http.Client, req *http.Request) ([]byte, error) {
	var resp *http.Response
	var err error
	for attempt := 0; ; attempt++ {
		resp, err = c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode < 500 || attempt == 2 {
			break
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// result keeps a response for the caller.
type result struct {
	resp    *http.Response
	fetched time.Time
}

// responseInReturnedStruct: the response lives on in the struct returned.
func responseInReturnedStruct(c *http.Client, url string) (*result, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	return &result{resp: resp, fetched: time.Now()}, nil
}

// gzipBody closes the gzip reader and the response body it wraps.
type gzipBody struct {
	*gzip.Reader
	body io.Closer
}

func (g gzipBody) Close() error {
	g.Reader.Close()
	return g.body.Close()
}

// gzipWrapped: the body is wrapped by gzip.NewReader, and the wrapper
// that owns both is returned; the gzip error path closes the body itself.
func gzipWrapped(c *http.Client, url string) (io.ReadCloser, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	return gzipBody{Reader: zr, body: resp.Body}, nil
}

// gzipDecodedThenClosed: the gzip reader reads through the body, and the
// deferred Close of resp.Body releases it.
func gzipDecodedThenClosed(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		return err
	}
	defer zr.Close()
	return json.NewDecoder(zr).Decode(out)
}

// checkRedirectError: a non-nil response with a non-nil error comes from a
// failing CheckRedirect, and Client.Do has already closed its body (net/http
// docs of Client.Do): the error path owes nothing, even when it reads the
// response.
func checkRedirectError(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		if resp != nil {
			return resp.StatusCode, fmt.Errorf("redirect to %s refused: %w", resp.Header.Get("Location"), err)
		}
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// useLastResponse: with ErrUseLastResponse the redirect response itself
// is returned without error, and it is closed like any other.
func useLastResponse(url string) (string, error) {
	c := &http.Client{
		Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Location"), nil
}

// nilCheckedBeforeErr: the defer is guarded by resp != nil before the
// error check (a common, correct ordering).
func nilCheckedBeforeErr(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// closeErrorKept: the deferred closure closes the body and keeps its
// error in the named result.
func closeErrorKept(c *http.Client, url string, out any) (err error) {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return json.NewDecoder(resp.Body).Decode(out)
}

// cancelOnClose releases the request's context when the body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c cancelOnClose) Close() error {
	defer c.cancel()
	return c.ReadCloser.Close()
}

// streamWithCancel: the body and the cancel func travel together to the
// caller, who closes both with one Close.
func streamWithCancel(ctx context.Context, c *http.Client, url string) (io.ReadCloser, error) {
	ctx, cancel := context.WithCancel(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		cancel()
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		cancel()
		return nil, err
	}
	return cancelOnClose{ReadCloser: resp.Body, cancel: cancel}, nil
}

// sentOnChannel: the receiver of the channel owns the response.
func sentOnChannel(c *http.Client, req *http.Request, out chan<- *http.Response) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	out <- resp
	return nil
}

// namedResult: returned through a named result.
func namedResult(c *http.Client, url string) (resp *http.Response, err error) {
	resp, err = c.Get(url)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", url, err)
	}
	return
}

// closedEachIteration: no defer in the loop, an explicit Close on every
// path of the iteration.
func closedEachIteration(c *http.Client, urls []string) int64 {
	var total int64
	for _, u := range urls {
		resp, err := c.Head(u)
		if err != nil {
			continue
		}
		total += resp.ContentLength
		resp.Body.Close()
	}
	return total
}

// fetchOne closes with defer inside its own function, called per URL.
func fetchOne(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// perIterationFunction: the loop hands each URL to a function that
// closes its own response.
func perIterationFunction(c *http.Client, urls []string) [][]byte {
	var out [][]byte
	for _, u := range urls {
		if b, err := fetchOne(c, u); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// collected: the responses are returned in a slice; the caller closes them.
func collected(c *http.Client, urls []string) ([]*http.Response, error) {
	var out []*http.Response
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return out, err
		}
		out = append(out, resp)
	}
	return out, nil
}

// closedOnBadStatusElseReturned: the rejected response is closed, the
// accepted one returned.
func closedOnBadStatusElseReturned(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	return resp, nil
}

type service struct {
	hc *http.Client
}

// release drains and closes a response.
func (s *service) release(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// releasedByMethod: a method of the service closes it.
func (s *service) releasedByMethod(req *http.Request) (string, error) {
	resp, err := s.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer s.release(resp)
	return resp.Header.Get("X-Request-Id"), nil
}

// handedToCallback: the callback is given the response and its
// ownership; the analysis cannot see it and stays silent.
func handedToCallback(c *http.Client, req *http.Request, handle func(*http.Response) error) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return handle(resp)
}

// fatalOnBadStatus: log.Fatal never returns, so the bad-status path owes
// nothing.
func fatalOnBadStatus(c *http.Client, url string) []byte {
	resp, err := c.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("GET %s: %s", url, resp.Status)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

// loggingTransport logs responses and passes them on.
type loggingTransport struct{ next http.RoundTripper }

// RoundTrip reads and closes the original body and hands on a response
// whose body is a buffer: nothing is left open.
func (t loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	log.Printf("%s %s: %d bytes", req.Method, req.URL, len(body))
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// panicOnBadStatus: a panic path owes nothing.
func panicOnBadStatus(c *http.Client, url string) int64 {
	resp, err := c.Head(url)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	return resp.ContentLength
}

// bodyNilChecked: a nil check of the body before the deferred Close.
func bodyNilChecked(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.Body != nil {
		defer resp.Body.Close()
	}
	return nil
}
