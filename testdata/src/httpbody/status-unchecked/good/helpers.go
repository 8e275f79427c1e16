package good

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"httpbody/status-unchecked/helper"
)

// decodeChecked checks the status before it decodes.
func decodeChecked(resp *http.Response, out any) error {
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("status %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// helperChecks: the helper handed the response checks the status itself
// (katzenpost/server#76's fix, moved into a helper).
func helperChecks(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return decodeChecked(resp, out)
}

// decodeAny decodes, whatever the status.
func decodeAny(resp *http.Response, out any) error {
	return json.NewDecoder(resp.Body).Decode(out)
}

// callerChecksFirst: the caller looks at the status before it calls the
// decoding helper.
func callerChecksFirst(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return decodeAny(resp, out)
}

// logger hands the response on to code it does not know.
type logger interface{ Log(*http.Response) }

// forwards passes the response to an interface method, which may check
// it: the helper counts as a look.
func forwards(l logger, resp *http.Response, out any) error {
	l.Log(resp)
	return json.NewDecoder(resp.Body).Decode(out)
}

// helperForwards: the helper hands the response to unknown code first.
func helperForwards(c *http.Client, l logger, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return forwards(l, resp, out)
}

// drainAndClose drains the body without using it.
func drainAndClose(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// helperDrains: a helper that only drains and closes reads nothing.
func helperDrains(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	drainAndClose(resp)
	return nil
}

// importedChecks: the imported helper checks the status (its fact).
func importedChecks(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return helper.DecodeOK(resp, out)
}

// client is a client type whose method checks before decoding.
type client struct{ hc *http.Client }

func (cl *client) parse(resp *http.Response, out any) error {
	if resp.StatusCode >= 400 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

// methodChecks: the client type's parse method looks at the status.
func (cl *client) get(url string, out any) error {
	resp, err := cl.hc.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return cl.parse(resp, out)
}
