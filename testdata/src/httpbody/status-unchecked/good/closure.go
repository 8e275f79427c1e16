package good

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// checkedByClosure: a local closure that captures the response checks
// its status before the decode.
func checkedByClosure(c *http.Client, u string, out any) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	check := func() error {
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", u, resp.Status)
		}
		return nil
	}
	if err := check(); err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// readThenCheckInClosure: the closure reads the body, and the caller
// looks at the status before it returns (the error page goes into the
// error).
func readThenCheckInClosure(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	read := func() ([]byte, error) { return io.ReadAll(resp.Body) }
	data, err := read()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s: %s", u, resp.Status, data)
	}
	return data, err
}

// closureReadsAndChecks: the closure looks at the status itself.
func closureReadsAndChecks(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	read := func() ([]byte, error) {
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
		}
		return io.ReadAll(resp.Body)
	}
	return read()
}
