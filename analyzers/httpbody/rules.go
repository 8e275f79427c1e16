package httpbody

import "github.com/reviewlint/reviewlint/analyzers/internal/catalog"

// Rules lists the rules this analyzer reports. A rule is on by default only
// once its precision on the bench/ corpus is at least 90%.
var Rules = []catalog.Rule{
	{
		ID:    RuleUnclosed,
		Title: "an HTTP response whose body is not closed on some path",
		Text: `The body of every *http.Response a client receives must be closed, on every
path, or the connection (and the goroutines serving it) leaks and cannot be
reused. Closing only on the success path is the usual bug: an early return on
a bad status code skips the Close. On the path where Do/Get returned an error
nothing is owed (net/http closes the body itself, even when CheckRedirect
fails). Ownership moves like for any resource: a response returned to the
caller, stored, or passed to a function that closes its body (that function's
summary says so, across packages) is not reported. Fix: defer
resp.Body.Close() right after the error check.`,
		Bad: `resp, err := client.Do(req)
if err != nil {
	return err
}
if resp.StatusCode != http.StatusOK {
	return fmt.Errorf("status %s", resp.Status)
}
defer resp.Body.Close()`,
		Good: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
if resp.StatusCode != http.StatusOK {
	return fmt.Errorf("status %s", resp.Status)
}`,
		Severity: catalog.Warning,
		Default:  false,
		Since:    "v0.1.0",
	},
}
