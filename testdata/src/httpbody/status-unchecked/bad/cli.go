package bad

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// statusOnlyInDecodeError: the status is mentioned only when the decode
// fails; a 500 whose body decodes is taken as the answer.
func statusOnlyInDecodeError(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil { // want `is read on a path that never looks at resp.StatusCode`
		return fmt.Errorf("status %d: %w", resp.StatusCode, err)
	}
	return nil
}

// copyToStdout: a CLI prints the error page as if it were the output.
func copyToStdout(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(os.Stdout, resp.Body) // want `is read on a path`
	return err
}

// xmlUnmarshal: read, then unmarshal, never a look at the status.
func xmlUnmarshal(c *http.Client, url string, out any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // want `is read on a path`
	if err != nil {
		return err
	}
	return xml.Unmarshal(body, out)
}

// defaultClientGet: http.DefaultClient.Get, decoded.
func defaultClientGet(url string, out any) error {
	resp, err := http.DefaultClient.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out) // want `body of resp from http.DefaultClient.Get`
}

// copyNToFile: the first n bytes of an error page are saved.
func copyNToFile(c *http.Client, url string, f *os.File, n int64) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.CopyN(f, resp.Body, n) // want `is read on a path`
	return err
}

// latestVersion: a "latest version" endpoint whose 404 page becomes the
// version string.
func latestVersion(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body) // want `is read on a path`
	return strings.TrimSpace(string(b)), err
}
