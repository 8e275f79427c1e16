package good

import (
	"bytes"
	"io"
	"net/http"
)

// getBuffered reads the whole body, closes it and hands out the response
// with an in-memory body: what it returns owes nothing (bodyclose#76
// reports its callers).
func getBuffered(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return resp, err
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(raw))
	return resp, nil
}

// bufferedNotClosed: the caller of a buffering wrapper need not close the
// in-memory body.
func bufferedNotClosed(c *http.Client, url string) (string, error) {
	resp, err := getBuffered(c, url)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", io.ErrUnexpectedEOF
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}
