package good

import (
	"net/http"
	"time"
)

// Package-level clients that get a deadline: in the literal, from init,
// replaced by a configured client, or with a custom transport set later;
// and an exported one, which the importer may configure.
var (
	timed      = &http.Client{Timeout: 10 * time.Second}
	fromInit   = &http.Client{}
	replaced   = &http.Client{}
	transport  = &http.Client{}
	SharedHTTP = &http.Client{}
)

func init() {
	fromInit.Timeout = 5 * time.Second
}

func configure(t http.RoundTripper, d time.Duration) {
	replaced = &http.Client{Timeout: d}
	transport.Transport = t
}

func pingAll(u string) {
	for _, c := range []*http.Client{timed, fromInit, replaced, transport, SharedHTTP} {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}
