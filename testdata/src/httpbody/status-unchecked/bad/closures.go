package bad

import (
	"encoding/json"
	"io"
	"net/http"
)

// deferredClosureClose: closing through a deferred closure (which
// captures resp) does not check the status for the decode before it.
func deferredClosureClose(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return json.NewDecoder(resp.Body).Decode(out) // want `is read on a path that never looks at resp.StatusCode`
}

// closedInGoroutineRead: a goroutine that only closes later is no check.
func closedInGoroutineRead(c *http.Client, url string, done <-chan struct{}) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	go func() {
		<-done
		resp.Body.Close()
	}()
	return io.ReadAll(resp.Body) // want `is read on a path`
}

// readInClosure: the read sits in a local closure that captures the
// response and never looks at its status; calling it is a read, not a
// look (was pending/missed).
func readInClosure(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	read := func() ([]byte, error) { return io.ReadAll(resp.Body) }
	return read() // want `is read on a path that never looks at resp.StatusCode`
}
