package good

import (
	"net"
	"net/http"
	"testing"
)

// StartStub is test support outside a _test.go file (it takes a
// *testing.T): the server is a test's (modelled on grpc's
// internal/stubserver).
func StartStub(t *testing.T, ln net.Listener, h http.Handler) {
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
}
