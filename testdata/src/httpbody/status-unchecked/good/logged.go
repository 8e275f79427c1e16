package good

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

// loggedThenChecked: the status is printed and compared.
func loggedThenChecked(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	log.Printf("GET %s: %d", url, resp.StatusCode)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// statusKept: the status, loaded once, is printed and also compared.
func statusKept(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	code := resp.StatusCode
	log.Printf("GET %s: %d", url, code)
	if code >= 400 {
		return fmt.Errorf("GET %s: %d", url, code)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// statusReturned: the status goes back to the caller with the decoded
// value, who decides.
func statusReturned(c *http.Client, url string, out any) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	log.Printf("GET %s", url)
	return resp.StatusCode, json.NewDecoder(resp.Body).Decode(out)
}
