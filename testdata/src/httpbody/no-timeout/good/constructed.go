package good

import (
	"net/http"
	"time"
)

// baseClient builds a client its callers configure.
func baseClient() *http.Client {
	return &http.Client{}
}

// configuredClient: the caller sets the Timeout of the constructor's
// client, so the literal is not the finished client.
func configuredClient() *http.Client {
	c := baseClient()
	c.Timeout = 5 * time.Second
	return c
}
