package good

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"

	"httpbody/unbounded-read/helper"
)

type item struct{ Name string }

// The body bounded inline with MaxBytesReader.
func inline(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	_ = data
}

// The body replaced by a bounded reader before decoding.
func reassigned(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var it item
	_ = json.NewDecoder(r.Body).Decode(&it)
}

// io.LimitReader bounds the read.
func limited(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	_ = data
}

// A client reading a response body: not a request body.
func client(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	return io.ReadAll(resp.Body)
}

// A RoundTripper reads the outgoing request's body: no handler there.
type logging struct{ next http.RoundTripper }

func (l logging) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		data, _ := io.ReadAll(req.Body)
		_ = data
	}
	return l.next.RoundTrip(req)
}

// Streaming the body to a file keeps nothing in memory.
func toFile(w http.ResponseWriter, r *http.Request) {
	f, err := os.CreateTemp("", "upload")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	io.Copy(f, r.Body)
}

// Draining to io.Discard keeps nothing.
func drain(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	w.WriteHeader(http.StatusNoContent)
}

// ParseForm bounds a form body itself (10 MB).
func form(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = r.FormValue("name")
}

// A helper that bounds the body itself.
func viaLimitingHelper(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = helper.DecodeLimited(w, r, &it)
}

// A line scanner reads with a bounded token size.
func lines(w http.ResponseWriter, r *http.Request) {
	sc := bufio.NewScanner(r.Body)
	for sc.Scan() {
		_ = sc.Text()
	}
}

// Reading the query string only.
func query(w http.ResponseWriter, r *http.Request) {
	_ = r.URL.Query().Get("q")
}
