package good

import (
	"io"
	"io/ioutil"
	"net/http"
)

// drainedToIoutilDiscard: ioutil.Discard (older code) drains like
// io.Discard.
func drainedToIoutilDiscard(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(ioutil.Discard, resp.Body)
	return err
}

// drainedWithBuffer: io.CopyBuffer into io.Discard drains too.
func drainedWithBuffer(c *http.Client, req *http.Request, buf []byte) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.CopyBuffer(io.Discard, resp.Body, buf)
	return err
}

// readAllDiscarded: a ReadAll whose bytes are dropped only drains.
func readAllDiscarded(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	_, _ = io.ReadAll(resp.Body)
	return resp.Header.Get("Location"), nil
}
