package good

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// retry calls f until it succeeds, at most n times.
func retry(n int, f func() error) error {
	var err error
	for i := 0; i < n; i++ {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// closedInRetriedClosure: each attempt is a closure that closes its own
// response.
func closedInRetriedClosure(c *http.Client, u string) ([]byte, error) {
	var out []byte
	err := retry(3, func() error {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		out, err = io.ReadAll(resp.Body)
		return err
	})
	return out, err
}

// previousClosedAtLoopHead: a retry loop (retryablehttp's shape) closes
// the previous attempt's response before sending the next one.
func previousClosedAtLoopHead(c *http.Client, req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		if resp != nil {
			resp.Body.Close()
		}
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// timeoutViaErrorsAs: errors.As is true only for a non-nil error.
func timeoutViaErrorsAs(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return 0, fmt.Errorf("timeout: %w", err)
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// nilResponseGuard: err != nil || resp == nil, both owe nothing.
func nilResponseGuard(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil || resp == nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// mapReturned: the responses go to the caller in a map.
func mapReturned(c *http.Client, urls []string) (map[string]*http.Response, error) {
	out := map[string]*http.Response{}
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return out, err
		}
		out[u] = resp
	}
	return out, nil
}

// tracedResponse embeds the response it traces.
type tracedResponse struct {
	*http.Response
	start time.Time
}

// closedThroughEmbedding: the body is closed through the embedding struct
// (a struct value SSA keeps in a register).
func closedThroughEmbedding(c *http.Client, u string) (int, time.Duration, error) {
	start := time.Now()
	res, err := c.Get(u)
	if err != nil {
		return 0, 0, err
	}
	r := tracedResponse{res, start}
	defer r.Body.Close()
	return r.StatusCode, time.Since(r.start), nil
}

// closedInWorkers: each goroutine closes the response it gets.
func closedInWorkers(c *http.Client, urls []string) []int {
	var wg sync.WaitGroup
	codes := make([]int, len(urls))
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := c.Get(u)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	return codes
}

// discardAndClose drains and closes, returning the drain's error.
func discardAndClose(resp *http.Response) error {
	defer resp.Body.Close()
	_, err := io.Copy(io.Discard, resp.Body)
	return err
}

// closedInBothBranches: one branch hands it to a closing helper, the
// else branch closes it.
func closedInBothBranches(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusOK {
		return discardAndClose(resp)
	} else {
		resp.Body.Close()
	}
	return fmt.Errorf("status %d", resp.StatusCode)
}
