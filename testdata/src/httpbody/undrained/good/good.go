package good

import (
	"encoding/json"
	"io"
	"net/http"
)

// Drained into io.Discard before the close.
func drained(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// Read whole, then closed.
func readAll(c *http.Client, urls []string) [][]byte {
	var out [][]byte
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		out = append(out, data)
	}
	return out
}

// Decoded, then closed: the decoder read it.
func decoded(c *http.Client, urls []string) []map[string]any {
	var out []map[string]any
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		var v map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		out = append(out, v)
	}
	return out
}

// One request, no loop: nothing to reuse the connection for here.
func once(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// A helper that drains and closes.
func drainAndClose(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func viaHelper(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		drainAndClose(resp)
	}
}

// HEAD responses have no body.
func heads(c *http.Client, urls []string) int {
	n := 0
	for _, u := range urls {
		resp, err := c.Head(u)
		if err != nil {
			continue
		}
		resp.Body.Close()
		n++
	}
	return n
}

// The body goes to a processing function first.
func process(r io.Reader) error { _, err := io.Copy(io.Discard, r); return err }

func processed(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		_ = process(resp.Body)
		resp.Body.Close()
	}
}

// Read on the error path before closing.
func errorBody(c *http.Client, req *http.Request) ([]byte, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			msg, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			_ = msg
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, io.ErrUnexpectedEOF
}

// The response goes to a channel: its consumer reads it.
func fanIn(c *http.Client, urls []string, out chan<- *http.Response) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		out <- resp
	}
}

// Returned from inside the loop.
func firstOK(c *http.Client, urls []string) (*http.Response, error) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return nil, io.EOF
}
