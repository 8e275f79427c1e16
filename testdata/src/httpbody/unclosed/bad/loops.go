package bad

import (
	"encoding/json"
	"net/http"
	"time"
)

// sizes: each iteration's response is overwritten by the next request.
func sizes(c *http.Client, urls []string) []int64 {
	var out []int64
	for _, u := range urls {
		resp, err := c.Head(u) // want `body of resp from c.Head \(line 13\) is not closed on the path returning at line 19`
		if err != nil {
			continue
		}
		out = append(out, resp.ContentLength)
	}
	return out
}

// continueOnBadStatus: the bad-status path continues without closing.
func continueOnBadStatus(c *http.Client, urls []string) []map[string]any {
	var out []map[string]any
	for _, u := range urls {
		resp, err := c.Get(u) // want `body of resp from c.Get`
		if err != nil {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			continue
		}
		var m map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&m); err == nil {
			out = append(out, m)
		}
		resp.Body.Close()
	}
	return out
}

// retryLeaks: a 5xx response is dropped when the loop retries; only the
// last one is closed.
func retryLeaks(c *http.Client, req *http.Request) (int, error) {
	var resp *http.Response
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err = c.Do(req) // want `body of resp from c.Do`
		if err == nil && resp.StatusCode < 500 {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// pingAll: health checks that only look at the status.
func pingAll(urls []string) map[string]bool {
	up := map[string]bool{}
	for _, u := range urls {
		resp, err := http.Get(u) // want `body of resp from http.Get`
		up[u] = err == nil && resp.StatusCode == http.StatusOK
	}
	return up
}

// retryForever: the loop only ends on success, and every rejected
// response is dropped when the next attempt is sent.
func retryForever(c *http.Client, req *http.Request, out any) error {
	for {
		resp, err := c.Do(req) // want `body of resp from c.Do \(line 75\) is not closed before the next iteration sends another request`
		if err == nil && resp.StatusCode == http.StatusOK {
			defer resp.Body.Close()
			return json.NewDecoder(resp.Body).Decode(out)
		}
		time.Sleep(time.Second)
	}
}
