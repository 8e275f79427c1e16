// Package helper is a project's HTTP helper package, in another package
// than its callers.
package helper

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// CheckResponse returns an error carrying the start of the body for a
// response whose status is not 2xx.
func CheckResponse(resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return fmt.Errorf("%s: %s", resp.Status, msg)
}

// Do sends req and returns the response only when its status is 2xx;
// the body of any other response is closed.
func Do(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if err := CheckResponse(resp); err != nil {
		resp.Body.Close()
		return nil, err
	}
	return resp, nil
}

// DecodeJSON decodes the body of resp into out, whatever its status.
func DecodeJSON(resp *http.Response, out any) error {
	return json.NewDecoder(resp.Body).Decode(out)
}

// DecodeOK decodes the body of resp into out when its status is 200.
func DecodeOK(resp *http.Response, out any) error {
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unexpected status %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
