package bad

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// combinedCheck: err and status checked together; a bad status returns
// with the body open.
func combinedCheck(c *http.Client, url string, out any) error {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s failed: %v", url, err)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
