package bad

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// postThenDecode: a create call decodes whatever came back.
func postThenDecode(c *http.Client, endpoint string, payload []byte, out any) error {
	resp, err := c.Post(endpoint, "application/json", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out) // want `body of resp from c.Post \(line 18\) is read on a path that never looks at resp.StatusCode`
}

// packagePost: same through http.Post.
func packagePost(endpoint string, payload string, out any) error {
	resp, err := http.Post(endpoint, "application/json", strings.NewReader(payload))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out) // want `body of resp from http.Post`
}

// postFormReadAll: an OAuth-style token request read blindly.
func postFormReadAll(tokenURL string, form url.Values) ([]byte, error) {
	resp, err := http.PostForm(tokenURL, form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body) // want `body of resp from http.PostForm`
}

// defaultClientDo: http.DefaultClient.Do, decoded without a look.
func defaultClientDo(req *http.Request, out any) error {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out) // want `body of resp from http.DefaultClient.Do`
}

// roundTripDecoded: a RoundTripper's response is a response too.
func roundTripDecoded(rt http.RoundTripper, req *http.Request, out any) error {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out) // want `body of resp from rt.RoundTrip`
}

// decodeThenCheck: the status is checked only after a decode whose error
// returns first, so a 503 HTML page becomes "invalid character '<'".
func decodeThenCheck(c *http.Client, req *http.Request) (map[string]any, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil { // want `body of resp from c.Do`
		return nil, fmt.Errorf("decode: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s: %v", resp.Status, m["error"])
	}
	return m, nil
}

// unmarshalThenCheck: read, unmarshal with an early return, then the
// status: the unmarshal error of an error page hides the status.
func unmarshalThenCheck(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // want `body of resp from c.Get`
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, out); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// headerNotStatus: the content type is checked, the status is not.
func headerNotStatus(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return fmt.Errorf("content type %q", ct)
	}
	return json.NewDecoder(resp.Body).Decode(out) // want `is read on a path that never looks at resp.StatusCode`
}

// lengthNotStatus: ContentLength is not the status.
func lengthNotStatus(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.ContentLength > 10<<20 {
		return nil, fmt.Errorf("%d bytes is too large", resp.ContentLength)
	}
	return io.ReadAll(resp.Body) // want `is read on a path`
}

// scannedLines: a line scanner reads the body.
func scannedLines(c *http.Client, url string) ([]string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var lines []string
	sc := bufio.NewScanner(resp.Body) // want `is read on a path`
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

// limitedRead: bounding the read is not checking the status.
func limitedRead(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20)) // want `is read on a path`
}

// csvRecords: a CSV export of an error page is parsed as records.
func csvRecords(c *http.Client, url string) ([][]string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return csv.NewReader(resp.Body).ReadAll() // want `is read on a path`
}

// gzipped: gunzipping an error page.
func gzipped(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	zr, err := gzip.NewReader(resp.Body) // want `is read on a path`
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// bufferReadFrom: a bytes.Buffer filled from the body.
func bufferReadFrom(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil { // want `is read on a path`
		return "", err
	}
	return buf.String(), nil
}

// readFull: a fixed-size header read from the body.
func readFull(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	magic := make([]byte, 4)
	if _, err := io.ReadFull(resp.Body, magic); err != nil { // want `is read on a path`
		return nil, err
	}
	return magic, nil
}

// directRead: Read on the body itself.
func directRead(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	buf := make([]byte, 512)
	n, err := resp.Body.Read(buf) // want `is read on a path`
	if err != nil && err != io.EOF {
		return nil, err
	}
	return buf[:n], nil
}

// streamDecoder: a decoder kept in a variable and used in a loop.
func streamDecoder(c *http.Client, url string) ([]json.RawMessage, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body) // want `is read on a path`
	var out []json.RawMessage
	for dec.More() {
		var m json.RawMessage
		if err := dec.Decode(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// secondResponseUnchecked: the first response's status is checked, the
// second's is not.
func secondResponseUnchecked(c *http.Client, loginURL, dataURL string, out any) error {
	login, err := c.Get(loginURL)
	if err != nil {
		return err
	}
	login.Body.Close()
	if login.StatusCode != http.StatusOK {
		return fmt.Errorf("login: %s", login.Status)
	}
	data, err := c.Get(dataURL)
	if err != nil {
		return err
	}
	defer data.Body.Close()
	return json.NewDecoder(data.Body).Decode(out) // want `body of data from c.Get \(line \d+\) is read on a path that never looks at data.StatusCode`
}

// errorIgnored: the request error is dropped too.
func errorIgnored(url string) string {
	resp, _ := http.Get(url)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body) // want `is read on a path`
	return string(b)
}

// pages: every page of a paginated listing is decoded blindly.
func pages(c *http.Client, first string) ([]string, error) {
	var names []string
	for next := first; next != ""; {
		resp, err := c.Get(next)
		if err != nil {
			return nil, err
		}
		var page struct {
			Names []string `json:"names"`
			Next  string   `json:"next"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page) // want `is read on a path`
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		names = append(names, page.Names...)
		next = page.Next
	}
	return names, nil
}
