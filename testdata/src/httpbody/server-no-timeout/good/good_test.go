package good

import (
	"net"
	"net/http"
	"testing"
)

// TestServer: a test's server is not a production one.
func TestServer(t *testing.T) {
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	go http.Serve(ln, nil)
}
