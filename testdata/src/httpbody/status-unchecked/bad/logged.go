package bad

import (
	"encoding/json"
	"log"
	"net/http"
)

// statusOnlyLogged: printing the status is not acting on it; an error
// page is still decoded as a success (was pending/missed).
func statusOnlyLogged(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	log.Printf("GET %s: %d %s", url, resp.StatusCode, resp.Status)
	return json.NewDecoder(resp.Body).Decode(out) // want `is read on a path that never looks at resp.StatusCode`
}
