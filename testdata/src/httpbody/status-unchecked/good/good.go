package good

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// checkedFirst: the status is checked before decoding.
func checkedFirst(c *http.Client, req *http.Request, out any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// readThenCheck: reading first to put the error page in the error is fine.
func readThenCheck(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("%s: %s", resp.Status, body)
	}
	return body, nil
}

// checkStatus is a helper that looks at the status.
func checkStatus(resp *http.Response) error {
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	return nil
}

// checkedByHelper: the status is checked through a helper (the issue's
// hard negative).
func checkedByHelper(url string, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// switchOnStatus: a switch on the status code is a check.
func switchOnStatus(url string, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return json.NewDecoder(resp.Body).Decode(out)
	case http.StatusNotFound:
		return nil
	default:
		return fmt.Errorf("status %d", resp.StatusCode)
	}
}

// drainOnly: draining the body for connection reuse is not reading it.
func drainOnly(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// returnedToCaller: the caller gets the response and may check it.
func returnedToCaller(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// decodeResponse is handed the whole response: it may check the status.
func decodeResponse(resp *http.Response, out any) error {
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// handedToDecoder: the response goes to a helper that decodes it.
func handedToDecoder(url string, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return decodeResponse(resp, out)
}

// limitedReadThenCheck: a bounded read, then the status (grpc's idtoken
// fetcher; found on the bench corpus): the read's error path reads nothing.
func limitedReadThenCheck(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return body, nil
}

// closeQuietly is a helper that closes what it is given.
func closeQuietly(c io.Closer) { _ = c.Close() }

// closedByHelperNotRead: handing the body to a helper that closes it is not
// a read (found by bench/anchors/compare).
func closedByHelperNotRead(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer closeQuietly(resp.Body)
	return resp.Header.Get("ETag"), nil
}
