package good

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestDeferClose: the usual shape.
func TestDeferClose(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// TestCleanupMethodValue: t.Cleanup(srv.Close) closes it when the test
// and its subtests end.
func TestCleanupMethodValue(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	if _, err := srv.Client().Get(srv.URL); err != nil {
		t.Fatal(err)
	}
}

// TestCleanupClosure: the same with a closure.
func TestCleanupClosure(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	t.Cleanup(func() { srv.Close() })
	srv.Start()
}

// newTestServer is a helper that hands the server to its caller, who
// owns the Close.
func newTestServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	srv.Config.ErrorLog = nil
	return srv
}

// newCleanedServer registers the Close itself.
func newCleanedServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	return srv
}

func TestHelpers(t *testing.T) {
	srv := newTestServer(t, http.NotFoundHandler())
	defer srv.Close()
	_ = newCleanedServer(t).URL
}

type fixture struct {
	srv *httptest.Server
}

// setup keeps the server in the fixture, whose teardown closes it.
func setup() *fixture {
	return &fixture{srv: httptest.NewServer(http.NotFoundHandler())}
}

func (f *fixture) teardown() { f.srv.Close() }

// TestTableOfServers: each server closed by the deferred Close of a
// function literal run in the iteration.
func TestTableOfServers(t *testing.T) {
	for _, h := range []http.Handler{http.NotFoundHandler()} {
		srv := httptest.NewServer(h)
		func() {
			defer srv.Close()
		}()
	}
}
