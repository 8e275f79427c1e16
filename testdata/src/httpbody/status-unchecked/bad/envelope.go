package bad

import (
	"encoding/json"
	"errors"
	"net/http"
)

// errorEnvelope: the API's error field is checked, the status never is;
// a proxy's 502 page fails to decode with a JSON syntax error.
func errorEnvelope(c *http.Client, req *http.Request) (json.RawMessage, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var env struct {
		Data  json.RawMessage `json:"data"`
		Error string          `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil { // want `is read on a path that never looks at resp.StatusCode`
		return nil, err
	}
	if env.Error != "" {
		return nil, errors.New(env.Error)
	}
	return env.Data, nil
}
