package good

import (
	"fmt"
	"io"
	"net/http"
)

// checkPosted looks at the status of a response whose body was read.
func checkPosted(resp *http.Response, body []byte) error {
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return nil
}

// readFailureInNamedResult: etcd's rafthttp pipeline.post. The read error
// is stored in the named result (the function defers, so the result is a
// variable); the path on which the read failed read nothing, and the
// other hands the response to a helper that checks the status.
func readFailureInNamedResult(c *http.Client, req *http.Request) (err error) {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return checkPosted(resp, b)
}
