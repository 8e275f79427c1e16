package bad

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"httpbody/status-unchecked/helper"
)

// decodeInto decodes the body, whatever the status.
func decodeInto(resp *http.Response, out any) error {
	return json.NewDecoder(resp.Body).Decode(out)
}

// viaDecodeHelper: influxdata/influxdb#6783, a client whose query path
// decoded the body before looking at the status, so a 404 surfaced as a
// JSON unmarshal error; here the decode sits in a helper handed the
// response (its summary says it reads the body and never looks at the
// status).
func viaDecodeHelper(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return decodeInto(resp, out) // want `body of resp from c.Get \(line 23\) is read on a path that never looks at resp.StatusCode`
}

// slurp reads a reader through a bytes.Buffer.
func slurp(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

// viaBodyHelper: the body itself goes to a helper that reads it.
func viaBodyHelper(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return slurp(resp.Body) // want `is read on a path that never looks at resp.StatusCode`
}

// apiClient is a client type whose methods share the response handling.
type apiClient struct{ hc *http.Client }

// parse reads the whole body and unmarshals it.
func (a *apiClient) parse(resp *http.Response, out any) error {
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

// get: Workiva/go-rest#66, a client type that decoded a 403's HTML page
// as JSON: the method hands every response to its parse helper, which
// never looks at the status.
func (a *apiClient) get(url string, out any) error {
	resp, err := a.hc.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return a.parse(resp, out) // want `body of resp from a.hc.Get .* is read on a path that never looks at resp.StatusCode`
}

// viaImportedHelper: the helper lives in another package; its fact says
// it decodes without a look at the status.
func viaImportedHelper(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return helper.DecodeJSON(resp, out) // want `is read on a path that never looks at resp.StatusCode`
}
