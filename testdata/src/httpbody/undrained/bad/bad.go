package bad

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// A poll closes each response unread: every iteration dials anew.
func waitReady(ctx context.Context, url string) error {
	for {
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		ready := resp.StatusCode == http.StatusOK
		resp.Body.Close() // want `body of resp from http.Get \(line 14\) is closed unread inside a loop`
		if ready {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// A retry drops the error body unread before trying again.
func fetchWithRetry(c *http.Client, req *http.Request, w io.Writer) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			resp.Body.Close() // want `body of resp from c.Do \(line 34\) is closed unread inside a loop`
			continue
		}
		_, err = io.Copy(w, resp.Body)
		resp.Body.Close()
		return err
	}
	return errors.New("gave up")
}

// A crawl skips failed pages without reading them.
func crawl(c *http.Client, urls []string, out chan<- []byte) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close() // want `closed unread inside a loop`
			continue
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		out <- data
	}
}

// A heartbeat posts and closes without reading.
func heartbeat(ctx context.Context, url string) {
	for ctx.Err() == nil {
		resp, err := http.Post(url, "text/plain", nil)
		if err == nil {
			resp.Body.Close() // want `closed unread inside a loop`
		}
		time.Sleep(10 * time.Second)
	}
}

type pinger struct {
	hc   *http.Client
	urls []string
}

// A method pinging through a field's client.
func (p *pinger) ping() int {
	up := 0
	for _, u := range p.urls {
		resp, err := p.hc.Get(u)
		if err != nil {
			continue
		}
		if resp.StatusCode < 300 {
			up++
		}
		resp.Body.Close() // want `closed unread inside a loop`
	}
	return up
}

// Requests from a channel.
func worker(c *http.Client, reqs <-chan *http.Request) {
	for req := range reqs {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close() // want `closed unread inside a loop`
	}
}

// Every branch of a status switch closes unread; only the one that goes
// round the loop again is judged (the others leave the loop).
func probe(c *http.Client, url string) string {
	for i := 0; i < 5; i++ {
		resp, err := c.Get(url)
		if err != nil {
			return "down"
		}
		switch resp.StatusCode {
		case http.StatusOK:
			resp.Body.Close()
			return "up"
		case http.StatusServiceUnavailable:
			resp.Body.Close() // want `closed unread inside a loop`
		default:
			resp.Body.Close()
			return "broken"
		}
	}
	return "unavailable"
}

// A labelled retry loop.
func labelled(c *http.Client, req *http.Request) (int, error) {
outer:
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return 0, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close() // want `closed unread inside a loop`
			continue outer
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return int(n), err
	}
	return 0, errors.New("throttled")
}

// A project's wrapper returns a new response (its summary says so).
func send(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url)
}

func viaWrapper(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := send(c, u)
		if err != nil {
			continue
		}
		resp.Body.Close() // want `body of resp from send \(line 157\) is closed unread inside a loop`
	}
}

// A ticker-driven health check that only looks at the status.
func healthLoop(c *http.Client, req *http.Request, tick <-chan time.Time, healthy func(bool)) {
	for range tick {
		resp, err := c.Do(req)
		if err != nil {
			healthy(false)
			continue
		}
		healthy(resp.StatusCode == http.StatusOK)
		resp.Body.Close() // want `body of resp from c.Do \(line 168\) is closed unread inside a loop`
	}
}
