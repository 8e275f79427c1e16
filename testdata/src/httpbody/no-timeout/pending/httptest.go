// Package pending holds httpbody/no-timeout cases the rule still gets
// wrong. Each case says what the rule does wrong, and a "now" comment
// records what it reports today; once fixed, a case moves to good/.
// TestRules runs them with inverted expectations (ruletest's pending.go):
// it fails when a case stops being reported.
package pending

import (
	"net/http"
	"net/http/httptest"
)

// onlyServerRequests: the client is handed only the requests httptest
// builds for handler tests. They carry RequestURI, which http.Client
// refuses before dialing, so nothing is sent and nothing can hang.
// Reported because no-timeout does not know that refusal. Modelled on
// noctx's testdata (testdata/src/httptest_request/httptest_request.go).
func onlyServerRequests(url string) {
	cli := &http.Client{} // now `http.Client without Timeout`
	req := httptest.NewRequest(http.MethodPost, url, nil)
	resp, err := cli.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}
