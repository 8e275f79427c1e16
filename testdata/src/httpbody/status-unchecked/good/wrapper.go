package good

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// apiResp wraps a response with the API's status helpers.
type apiResp struct{ *http.Response }

func (r apiResp) ok() bool { return r.StatusCode/100 == 2 }

// checkedThroughWrapperMethod: the status is checked by a method of a
// local wrapper around the response.
func checkedThroughWrapperMethod(c *http.Client, u string, out any) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	r := apiResp{resp}
	if !r.ok() {
		return fmt.Errorf("GET %s: %s", u, r.Status)
	}
	return json.NewDecoder(r.Body).Decode(out)
}
