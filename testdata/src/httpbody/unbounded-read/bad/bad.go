package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/ioutil"
	"net/http"

	"httpbody/unbounded-read/helper"
)

type item struct{ Name string }

// io.ReadAll on the request body of a handler func.
func readAll(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r into memory without a size limit`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write(data)
}

type server struct{ items []item }

// A json decoder in ServeHTTP: Decode buffers one value of any size.
func (s *server) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	var it item
	if err := json.NewDecoder(req.Body).Decode(&it); err != nil { // want `json.NewDecoder reads the body of request req`
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.items = append(s.items, it)
}

// The deprecated ioutil.ReadAll.
func legacy(w http.ResponseWriter, r *http.Request) {
	body, _ := ioutil.ReadAll(r.Body) // want `ioutil.ReadAll reads the body`
	_ = body
}

// An xml decoder.
func xmlHandler(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = xml.NewDecoder(r.Body).Decode(&it) // want `xml.NewDecoder reads the body`
}

// A bytes.Buffer filled from the body.
func buffered(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil { // want `ReadFrom reads the body`
		return
	}
	w.Write(buf.Bytes())
}

// io.Copy into memory.
func copied(w http.ResponseWriter, r *http.Request) {
	buf := new(bytes.Buffer)
	io.Copy(buf, r.Body) // want `io.Copy reads the body`
	w.Write(buf.Bytes())
}

// The body through a local variable first.
func viaVariable(w http.ResponseWriter, r *http.Request) {
	body := r.Body
	defer body.Close()
	data, _ := io.ReadAll(body) // want `io.ReadAll reads the body`
	_ = data
}

// A helper of this package that decodes the whole request.
func decode(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}

func viaLocalHelper(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := decode(r, &it); err != nil { // want `decode reads the body of request r`
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// A helper in another package, known through its facts.
func viaOtherPackage(w http.ResponseWriter, r *http.Request) {
	var it item
	_ = helper.DecodeJSON(r, &it) // want `helper.DecodeJSON reads the body of request r`
}

// A helper that takes the body as a reader.
func viaReaderHelper(w http.ResponseWriter, r *http.Request) {
	data, _ := helper.ReadBody(r.Body) // want `helper.ReadBody reads the body of request r`
	_ = data
}

// A handler closure registered on a mux.
func routes(mux *http.ServeMux) {
	mux.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
		_ = data
	})
}

// A handler method with a context parameter in front.
func (s *server) create(ctx context.Context, w http.ResponseWriter, r *http.Request) {
	var it item
	_ = json.NewDecoder(r.Body).Decode(&it) // want `json.NewDecoder reads the body of request r`
	_ = ctx
}

// A dispatcher hands the request to sub-handlers: the read is reported
// once, in the sub-handler that does it, not again at the dispatch (a
// false positive on go-redis's e2e fault injector and pgx's example).
func dispatch(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPut:
		put(w, r)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func put(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the body of request r`
	_ = data
}
