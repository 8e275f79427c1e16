package bad

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestServerNeverClosed: the server's goroutine and listener outlive the
// test (modelled on coreos/go-oidc#460, which added the missing Close to
// its tests' servers, and migueleliasweb/go-github-mock#79, where goleak
// caught a mock's httptest server that nothing closed).
func TestServerNeverClosed(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler()) // want `httptest server srv from httptest.New[A-Za-z]*Server \(line [0-9]*\) is not closed on the path returning at line [0-9]*: its serving goroutine`
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// TestClosedOnSuccessOnly: an early t.Fatal ends the test, but a plain
// return on the error path skips the Close.
func TestClosedOnSuccessOnly(t *testing.T) {
	srv := httptest.NewTLSServer(http.NotFoundHandler()) // want `httptest server srv from httptest.New[A-Za-z]*Server \(line [0-9]*\) is not closed on the path returning at line [0-9]*: its serving goroutine`
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Log(err)
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	srv.Close()
}

// TestUnstartedDiscarded: an unstarted server has its listener already.
func TestUnstartedDiscarded(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.NotFoundHandler()) // want `httptest server srv from httptest.New[A-Za-z]*Server \(line [0-9]*\) is not closed on the path returning at line [0-9]*: its serving goroutine`
	srv.EnableHTTP2 = true
	srv.StartTLS()
}
