// Package pending holds httpbody/unclosed cases the rule gets wrong by
// staying silent. TestRules runs them with inverted expectations
// (ruletest's pending.go): it fails when a want comment starts to match.
// Each case says why.
package pending

import (
	"io"
	"net/http"
)

// openWithError: missed because returning the response counts as handing
// it to the caller, even next to a non-nil error, which by the (v, err)
// convention the caller does not close (bodyclose#76's wrapper). Whether
// the "return resp, err" path leaks depends on the callers, and they
// disagree: moby's client returns the response beside a status error and
// its callers close it even then (defer ensureReaderClosed(resp) before
// the error check: the bodyclose triage's [E1]), while a caller following
// the convention returns on err != nil and drops it. The function alone
// cannot decide; a case to report needs callers that drop the response on
// the error path, which this fixture has none of. Deciding it from the
// callers means a summary bit "result 0 may be open beside a non-nil
// error" that makes each caller's own err != nil edge owe the release
// (reported there, where the drop is), rather than a finding here.
func openWithError(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url) // want `body of resp from c.Get`
	if err != nil {
		return nil, err
	}
	if _, err := io.ReadAll(resp.Body); err != nil {
		return resp, err
	}
	return resp, nil
}
