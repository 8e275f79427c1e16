package good

import (
	"encoding/json"
	"io"
	"net/http"
)

// Bodies handed to a function of this package that never touches its
// parameter are not read, so no error page can be taken for a success.
// Modelled on bodyclose's testdata (passes/bodyclose/testdata/src/a:
// defer_crash.go, a deferred literal with an unused parameter; issue4.go,
// a helper with an empty body): reviewlint counted both as reads.

// keep takes a reader and does nothing with it (a stub, a hook left empty).
func keep(io.ReadCloser) {}

func handedToStub(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	keep(resp.Body)
	return nil
}

func handedToEmptyDeferredLiteral(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	defer func(body io.ReadCloser) {}(resp.Body)
	return nil
}

// named but blank: the parameter exists in SSA and has no use.
func ignoreReader(_ io.Reader, n int) int { return n }

func handedToBlankParam(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return ignoreReader(resp.Body, 1), nil
}

// A reader built around the body and dropped reads nothing (bodyclose's
// testdata a/issue4.go: _ = http.MaxBytesReader(nil, resp.Body, 1024)).
func wrappedAndDropped(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_ = http.MaxBytesReader(nil, resp.Body, 1024)
	return nil
}

func decoderDropped(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	json.NewDecoder(resp.Body)
	return nil
}
