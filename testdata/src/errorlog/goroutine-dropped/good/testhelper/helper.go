// Package testhelper is test infrastructure: it imports testing, so it is
// only ever linked into tests, where a server started in the background
// ends with the test and a failure shows as the test's failed requests
// (modelled on grpc's internal/stubserver and its fake RLS server).
package testhelper

import (
	"net"
	"net/http"
	"testing"
)

// StartServer serves in the background until the test's cleanup closes it.
func StartServer(t *testing.T, l net.Listener) {
	hs := &http.Server{}
	go hs.Serve(l)
	t.Cleanup(func() { hs.Close() })
}
