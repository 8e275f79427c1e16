package missed

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
)

// readInClosure: missed because calling a closure that captures the
// response counts as a look at the status (it may check it), and the read
// inside it is not seen by the path walk.
func readInClosure(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	read := func() ([]byte, error) { return io.ReadAll(resp.Body) } // want `is read on a path`
	return read()
}

// statusOnlyLogged: missed because any look at StatusCode counts, and a
// log line is a look (the rule prefers silence to guessing what a check is).
func statusOnlyLogged(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	log.Printf("GET %s: %d", url, resp.StatusCode)
	return json.NewDecoder(resp.Body).Decode(out) // want `is read on a path`
}
