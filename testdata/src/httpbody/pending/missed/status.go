package missed

import (
	"encoding/json"
	"log"
	"net/http"
)

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
