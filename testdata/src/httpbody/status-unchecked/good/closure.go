package good

import (
	"encoding/json"
	"fmt"
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
