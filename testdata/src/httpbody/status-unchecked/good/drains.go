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

// drainHelper drops the bytes it reads: the same drain as in the caller.
func drainHelper(resp *http.Response) error {
	_, err := io.ReadAll(resp.Body)
	return err
}

func copyDrainHelper(resp *http.Response) {
	io.CopyN(io.Discard, resp.Body, 4096)
}

// drainedInHelper: a helper that drains the body does not read it for its
// content, as inline (modelled on bodyclose's testdata
// passes/bodyclose/testdata/src/a/closebycall.go, process(res) whose
// io.ReadAll bytes are dropped).
func drainedInHelper(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return drainHelper(resp)
}

func drainedInCopyHelper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	copyDrainHelper(resp)
}
