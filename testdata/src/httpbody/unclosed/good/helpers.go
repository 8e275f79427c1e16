package good

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// closeResponse is a nil-safe closing helper: both nil checks end paths
// with nothing to close.
func closeResponse(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		_ = resp.Body.Close()
	}
}

// closedByNilSafeHelper: the deferred helper closes it.
func closedByNilSafeHelper(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req)
	defer closeResponse(resp)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

// closeAny is a generic closing helper.
func closeAny[T io.Closer](c T) { _ = c.Close() }

// closedByGenericHelper: a generic helper closes the body.
func closedByGenericHelper(c *http.Client, url string) (int64, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer closeAny(resp.Body)
	return io.Copy(io.Discard, resp.Body)
}

// closedByDeferredLiteralWithParam: a func literal gets the body as its
// argument and closes it.
func closedByDeferredLiteralWithParam(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer func(body io.ReadCloser) { _ = body.Close() }(resp.Body)
	return resp.StatusCode, nil
}

// deferredBeforeAcquisition: the deferred closure registered first closes
// whatever the variable holds when the function returns.
func deferredBeforeAcquisition(c *http.Client, req *http.Request) (code int, err error) {
	var resp *http.Response
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	resp, err = c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// countingReader counts the bytes read through it and closes what it
// wraps.
type countingReader struct {
	rc io.ReadCloser
	n  int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	n, err := r.rc.Read(p)
	r.n += int64(n)
	return n, err
}

func (r *countingReader) Close() error { return r.rc.Close() }

// closedThroughWrapper: the body is wrapped, and closing the wrapper
// closes it.
func closedThroughWrapper(c *http.Client, url string) (int64, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	cr := &countingReader{rc: resp.Body}
	defer cr.Close()
	_, err = io.Copy(io.Discard, cr)
	return cr.n, err
}

// decodeAndClose owns the response it is given.
func decodeAndClose(resp *http.Response, out any) error {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// handedToOwner: returning the result of a function that closes it.
func handedToOwner(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return decodeAndClose(resp, out)
}

// notModifiedClosed: the 304 shortcut closes before returning.
func notModifiedClosed(c *http.Client, req *http.Request, cached []byte) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		resp.Body.Close()
		return cached, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// deferInLoop: each iteration defers its Close; all run at return (a
// defer in a loop holds connections longer, but does not leak them).
func deferInLoop(c *http.Client, urls []string) (int64, error) {
	var total int64
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return total, err
		}
		defer resp.Body.Close()
		total += resp.ContentLength
	}
	return total, nil
}

// Stream decodes a JSON stream and owns its body.
type Stream struct {
	dec  *json.Decoder
	body io.Closer
}

// Close closes the stream's body.
func (s *Stream) Close() error { return s.body.Close() }

// decoderAndBodyReturned: the decoder and the body go to the caller in a
// returned struct.
func decoderAndBodyReturned(c *http.Client, url string) (*Stream, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	return &Stream{dec: json.NewDecoder(resp.Body), body: resp.Body}, nil
}

// checksummed: the body is hashed, then closed by the defer.
func checksummed(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	h := sha256.New()
	if _, err := io.Copy(h, resp.Body); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// bodySwapped: the response's body is replaced by a wrapper that closes
// the original, and the response is returned.
func bodySwapped(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body = &countingReader{rc: resp.Body}
	return resp, nil
}
