package good

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"httpbody/status-unchecked/helper"
)

// classChecked: the status class through integer division.
func classChecked(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// rangeChecked: the 2xx range spelled out.
func rangeChecked(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, errors.New(http.StatusText(resp.StatusCode))
	}
	return io.ReadAll(resp.Body)
}

// statusTextOnly: the status goes through http.StatusText into the error.
func statusTextOnly(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, http.StatusText(resp.StatusCode))
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// statusStringCompared: the Status string is a look at the status too.
func statusStringCompared(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.Status != "200 OK" {
		return errors.New(resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// taglessSwitch: a switch with conditions on the status.
func taglessSwitch(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return fmt.Errorf("server error %d", resp.StatusCode)
	case resp.StatusCode >= 400:
		return fmt.Errorf("client error %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// checkedByHelperInOtherPackage: the response goes to a checker in
// another package first.
func checkedByHelperInOtherPackage(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := helper.CheckResponse(resp); err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// projectWrapper: helper.Do checks the status before it hands the
// response out; its callers decode what they get.
func projectWrapper(c *http.Client, req *http.Request, out any) error {
	resp, err := helper.Do(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

type api struct{ hc *http.Client }

// checkResponse is the client's own status check.
func (a *api) checkResponse(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		return fmt.Errorf("api: %s", resp.Status)
	}
	return nil
}

// checkedByMethod: a method of the client checks the status.
func (a *api) checkedByMethod(req *http.Request, out any) error {
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := a.checkResponse(resp); err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// errorBodyReadAfterCheck: the body is read only on the error branch,
// after the status said so, to put it in the error.
func errorBodyReadAfterCheck(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return fmt.Errorf("%s: %s", resp.Status, bytes.TrimSpace(msg))
	}
	return nil
}

// readThenSwitch: read the whole body, then decide by status.
func readThenSwitch(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return json.Unmarshal(body, out)
	case http.StatusNotFound:
		return nil
	}
	return fmt.Errorf("%s: %s", resp.Status, body)
}

// readCheckThenUnmarshal: read, check, then unmarshal.
func readCheckThenUnmarshal(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", resp.Status, body)
	}
	return json.Unmarshal(body, out)
}

// retriedOnStatus: the retry loop looks at the status of each attempt.
func retriedOnStatus(c *http.Client, url string, out any) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			resp.Body.Close()
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return errors.New("unavailable after 3 attempts")
}

// allowedStatuses: the status is looked up in a set.
func allowedStatuses(c *http.Client, url string) ([]byte, error) {
	ok := map[int]bool{http.StatusOK: true, http.StatusPartialContent: true}
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if !ok[resp.StatusCode] {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

// sentOnChannel: the receiver gets the response and may check it.
func sentOnChannel(c *http.Client, req *http.Request, out chan<- *http.Response) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	out <- resp
	return nil
}

// headersOnly: nothing reads the body.
func headersOnly(c *http.Client, url string) (string, error) {
	resp, err := c.Head(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Last-Modified"), nil
}

// drainedInDefer: the deferred drain-and-close is not a read.
func drainedInDefer(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return resp.Header.Get("Location"), nil
}

// loggingTransport logs what it passes on.
type loggingTransport struct{ next http.RoundTripper }

// RoundTrip reads the body for the log and hands the response on with a
// buffered copy: its caller checks the status.
func (t loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	log.Printf("%s %s: %.200s", req.Method, req.URL, body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// handedToCallback: a callback gets the whole response.
func handedToCallback(c *http.Client, req *http.Request, handle func(*http.Response) error) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return handle(resp)
}

// twoAcceptedStatuses: OK and Created both decode, anything else fails.
func twoAcceptedStatuses(c *http.Client, endpoint, payload string, out any) error {
	resp, err := c.Post(endpoint, "application/json", strings.NewReader(payload))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("create: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// checkedInElse: decode in the else of a status check.
func checkedInElse(c *http.Client, url string, out any) (err error) {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= http.StatusBadRequest {
		err = fmt.Errorf("status %d", resp.StatusCode)
	} else {
		err = json.NewDecoder(resp.Body).Decode(out)
	}
	return err
}

// rawReadFailed: a raw read that fails read nothing to misinterpret; the
// status is checked after a successful read.
func rawReadFailed(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var sb strings.Builder
	if _, err := io.Copy(&sb, resp.Body); err != nil {
		return "", fmt.Errorf("read %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s: %s", resp.Status, sb.String())
	}
	return sb.String(), nil
}
