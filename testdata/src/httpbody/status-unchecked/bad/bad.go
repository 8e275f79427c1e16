package bad

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"os"
)

// decodeWithoutStatus: a 503 page is decoded as the result (ANCHOR-GAPS:
// no shipped tool reports it).
func decodeWithoutStatus(c *http.Client, req *http.Request, out any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out) // want `body of resp from c.Do \(line 14\) is read on a path that never looks at resp.StatusCode`
}

// readAllWithoutStatus: the error page becomes the data.
func readAllWithoutStatus(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body) // want `body of resp from http.Get`
}

// downloadWithoutStatus: a 404 page is saved as the file.
func downloadWithoutStatus(url string, f *os.File) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(f, resp.Body) // want `is read on a path that never looks at resp.StatusCode`
	return err
}

// xmlWithoutStatus: same with XML.
func xmlWithoutStatus(url string, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return xml.NewDecoder(resp.Body).Decode(out) // want `is read on a path`
}

// checkedOnOneBranchOnly: the status is looked at on one branch, the
// other decodes blindly.
func checkedOnOneBranchOnly(url string, strict bool, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if strict && resp.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return json.NewDecoder(resp.Body).Decode(out) // want `is read on a path`
}
