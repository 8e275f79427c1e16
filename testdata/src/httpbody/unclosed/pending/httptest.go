package pending

import (
	"context"
	"net/http"
	"net/http/httptest"
)

// sendsServerRequests hands a client the requests httptest builds for
// handler tests. They carry RequestURI, which http.Client refuses before
// dialing ("http: Request.RequestURI can't be set in client requests"):
// Do returns an error and no response, so there is no body to close.
// Reported because the lifetime engine's view of Do does not know that
// refusal. Modelled on noctx's testdata
// (testdata/src/httptest_request/httptest_request.go), the one place this
// was seen: real code doing it would fail on every call.
func sendsServerRequests(ctx context.Context, cli *http.Client, url string) {
	req := httptest.NewRequest(http.MethodPost, url, nil)
	cli.Do(req) // now `the response from cli.Do \(line \d+\) is discarded`

	req2 := httptest.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	cli.Do(req2) // now `the response from cli.Do \(line \d+\) is discarded`
}
